package dev.junction.server.turn;

import dev.junction.server.config.HttpConfig;
import dev.junction.server.config.TurnConfig;
import dev.junction.turn.CredentialStore;
import dev.junction.turn.IpRange;
import dev.junction.turn.PeerAddressPolicy;
import dev.junction.turn.RestCredentials;
import dev.junction.turn.TurnEvents;
import dev.junction.turn.TurnOptions;
import dev.junction.turn.TurnServer;
import dev.junction.turn.TurnSettings;
import dev.junction.turn.io.TurnListeners;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the {@code turn} settings into a running {@link TurnServer}. */
public final class TurnLauncher {

  private static final Logger log = LoggerFactory.getLogger(TurnLauncher.class);

  private TurnLauncher() {}

  /** The credentials TURN verifies and {@code /api/ice-servers} mints with. */
  public static RestCredentials restCredentials(TurnConfig turn) {
    return new RestCredentials(TurnSecrets.resolve(turn.secrets(), Path.of(turn.secretFile())));
  }

  /** The address put in relayed addresses and ICE URLs when none is configured. */
  private static InetAddress relayAddress(TurnConfig turn) {
    if (!turn.relayAddress().isBlank()) {
      return RelayAddresses.literal(turn.relayAddress());
    }
    InetAddress listen = RelayAddresses.literal(turn.listenHost());
    if (!listen.isAnyLocalAddress()) {
      return listen;
    }
    return RelayAddresses.firstRoutableIpv4().orElseGet(() -> {
      log.warn("no routable IPv4 address found: TURN relays on 127.0.0.1, reachable from this machine only;"
          + " set turn.relayAddress");
      return InetAddress.getLoopbackAddress();
    });
  }


  public static TurnServer start(TurnConfig turn, HttpConfig http, RestCredentials rest, TurnEvents events)
      throws InterruptedException {
    InetAddress relayV4 = relayAddress(turn);
    InetAddress externalV4 = turn.externalAddress().isBlank() ? relayV4 : RelayAddresses.literal(turn.externalAddress());
    InetAddress relayV6 = turn.relayAddressV6().isBlank() ? null : RelayAddresses.literal(turn.relayAddressV6());
    Set<InetAddress> own = new HashSet<>(RelayAddresses.local());
    own.add(externalV4);
    Set<InetAddress> relays = new HashSet<>(List.of(relayV4, externalV4));
    if (relayV6 != null) {
      relays.add(relayV6);
    }
    Map<String, String> users = turn.users().stream()
        .collect(Collectors.toMap(TurnConfig.TurnUser::username, TurnConfig.TurnUser::password, (a, b) -> b));
    byte[] nonceKey = new byte[32];
    new SecureRandom().nextBytes(nonceKey);
    return TurnServer.start(new TurnOptions(
        new TurnListeners.Settings(turn.listenHost(), turn.port(), turn.tlsPort(), tls(http)),
        new TurnSettings(relayV4, externalV4, relayV6, relayV6, turn.maxAllocationLifetimeSeconds(),
            turn.maxPermissionsPerAllocation(), turn.bandwidthBytesPerSecond()),
        new CredentialStore(turn.realm(), users, Optional.of(rest)),
        new PeerAddressPolicy(turn.allowLoopbackPeers(), ranges(turn.allowedPeerRanges()), ranges(turn.deniedPeerRanges()),
            own, relays, turn.minPort(), turn.maxPort()),
        turn.minPort(), turn.maxPort(), turn.maxAllocationsPerUser(), turn.maxAllocations(),
        turn.unauthenticatedPerIpPerSecond(), nonceKey, Duration.ofSeconds(turn.nonceLifetimeSeconds()), events,
        System::currentTimeMillis));
  }

  /** TURN over TLS uses the HTTPS certificate: one certificate for the one name people type. */
  private static SslContext tls(HttpConfig http) {
    if (!http.tls().enabled()) {
      return null;
    }
    try {
      return SslContextBuilder.forServer(new File(http.tls().certFile()), new File(http.tls().keyFile())).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot use " + http.tls().certFile() + " for TURN over TLS: " + e.getMessage(), e);
    }
  }

  private static List<IpRange> ranges(List<String> cidrs) {
    return cidrs.stream().map(IpRange::parse).toList();
  }
}
