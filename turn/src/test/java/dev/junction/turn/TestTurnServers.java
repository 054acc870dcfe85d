package dev.junction.turn;

import dev.junction.turn.io.TurnListeners;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** TURN servers for tests: loopback, free ports, a static user and a REST secret; limits adjustable. */
public final class TestTurnServers {

  public static final String REALM = "junction.test";
  public static final String USER = "ninefingers";
  public static final String PASSWORD = "youhavetoberealistic";
  public static final String SECRET = "a-rest-api-secret-for-tests";

  private boolean allowLoopbackPeers;
  private int minPort = 49152;
  private int maxPort = 65535;
  private int maxAllocationsPerUser = 100;
  private int maxAllocations = 1000;
  private int maxPermissions = 100;
  private int unauthenticatedPerSecond = 100;
  private final Set<InetAddress> ownAddresses = new HashSet<>();
  private InetAddress relayV6;
  /** Added to the wall clock: tests jump forward in time without waiting. */
  private final AtomicLong clockOffset = new AtomicLong();

  public static TestTurnServers builder() {
    return new TestTurnServers();
  }

  /** A server on 127.0.0.1 with default limits; {@code allowLoopbackPeers} is the test-only switch. */
  public static TurnServer start(boolean allowLoopbackPeers) throws InterruptedException {
    return builder().allowLoopbackPeers(allowLoopbackPeers).start();
  }

  public TestTurnServers allowLoopbackPeers(boolean allow) {
    this.allowLoopbackPeers = allow;
    return this;
  }

  public TestTurnServers ports(int min, int max) {
    this.minPort = min;
    this.maxPort = max;
    return this;
  }

  public TestTurnServers maxAllocations(int perUser, int total) {
    this.maxAllocationsPerUser = perUser;
    this.maxAllocations = total;
    return this;
  }

  public TestTurnServers maxPermissions(int perAllocation) {
    this.maxPermissions = perAllocation;
    return this;
  }

  public TestTurnServers unauthenticatedPerSecond(int perSecond) {
    this.unauthenticatedPerSecond = perSecond;
    return this;
  }

  /** Relays IPv6 allocations on {@code address} (RFC 6156). */
  public TestTurnServers relayV6(InetAddress address) {
    this.relayV6 = address;
    return this;
  }

  public TestTurnServers ownAddress(InetAddress address) {
    ownAddresses.add(address);
    return this;
  }

  /** Moves this server's clock forward by {@code millis}. */
  public void advanceClock(long millis) {
    clockOffset.addAndGet(millis);
  }

  public TurnServer start() throws InterruptedException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return TurnServer.start(new TurnOptions(
        new TurnListeners.Settings("127.0.0.1", 0, 0, null),
        new TurnSettings(loopback, loopback, relayV6, relayV6, 3600, maxPermissions, 50_000_000),
        new CredentialStore(REALM, Map.of(USER, PASSWORD), Optional.of(new RestCredentials(List.of(SECRET)))),
        new PeerAddressPolicy(allowLoopbackPeers, List.of(), List.of(), ownAddresses,
            relayV6 == null ? Set.of(loopback) : Set.of(loopback, relayV6), minPort, maxPort),
        minPort, maxPort, maxAllocationsPerUser, maxAllocations, unauthenticatedPerSecond,
        "nonce-key-for-tests-only".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10), TurnEvents.NONE,
        () -> System.currentTimeMillis() + clockOffset.get()));
  }
}
