package dev.junction.turn;

import dev.junction.turn.io.TurnListeners;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TURN servers for tests: loopback, free ports, a static user and a REST secret. */
public final class TestTurnServers {

  public static final String REALM = "junction.test";
  public static final String USER = "ninefingers";
  public static final String PASSWORD = "youhavetoberealistic";
  public static final String SECRET = "a-rest-api-secret-for-tests";

  private TestTurnServers() {}

  /** A server on 127.0.0.1; {@code allowLoopbackPeers} is the test-only switch. */
  public static TurnServer start(boolean allowLoopbackPeers) throws InterruptedException {
    return start(allowLoopbackPeers, 100, 1000);
  }

  public static TurnServer start(boolean allowLoopbackPeers, int maxAllocationsPerUser, int maxAllocations)
      throws InterruptedException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return TurnServer.start(new TurnOptions(
        new TurnListeners.Settings("127.0.0.1", 0, 0, null),
        new TurnSettings(loopback, loopback, null, null, 3600, 100, 50_000_000),
        new CredentialStore(REALM, Map.of(USER, PASSWORD), Optional.of(new RestCredentials(List.of(SECRET)))),
        new PeerAddressPolicy(allowLoopbackPeers, List.of(), List.of(), Set.of()),
        49152, 65535, maxAllocationsPerUser, maxAllocations, 100,
        "nonce-key-for-tests-only".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10), TurnEvents.NONE));
  }
}
