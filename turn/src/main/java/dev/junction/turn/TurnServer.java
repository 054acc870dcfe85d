package dev.junction.turn;

import dev.junction.turn.io.TurnListeners;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running STUN/TURN server: listeners, the protocol engine and the once-a-second sweep that
 * expires allocations, permissions, channel bindings, reservations and remembered answers.
 *
 * <p>Close cascade: closing an allocation (Refresh 0, expiry, its TCP connection closing, server
 * stop) closes its relay socket and gives back its port and quota slot; its permissions and
 * channels go with it.
 */
public final class TurnServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TurnServer.class);
  private static final long SWEEP_MILLIS = 1_000;

  private final TurnListeners listeners;
  private final AllocationTable table;
  private final AllocationRequests requests;
  private final ScheduledFuture<?> sweep;

  private TurnServer(TurnListeners listeners, AllocationTable table, AllocationRequests requests,
      TransactionMemory memory, Reservations reservations, LongSupplier clockMillis) {
    this.listeners = listeners;
    this.table = table;
    this.requests = requests;
    this.sweep = listeners.group().next().scheduleAtFixedRate(() -> {
      long now = clockMillis.getAsLong();
      for (Allocation allocation : table.all()) {
        allocation.relay().eventLoop().execute(() -> {
          if (allocation.isExpired(clockMillis.getAsLong())) {
            requests.close(allocation);
          } else {
            allocation.expire(clockMillis.getAsLong());
          }
        });
      }
      memory.forgetExpired(now);
      reservations.expire();
    }, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Binds the listeners and starts serving; throws if a listener cannot be bound. */
  public static TurnServer start(TurnOptions options) throws InterruptedException {
    LongSupplier clock = options.clockMillis();
    AllocationTable table = new AllocationTable(options.maxAllocationsPerUser(), options.maxAllocations());
    RelayPortRange ports = new RelayPortRange(options.minPort(), options.maxPort(), new SecureRandom());
    Reservations reservations = new Reservations(ports, clock);
    TransactionMemory memory = new TransactionMemory();
    Authenticator authenticator = new Authenticator(options.credentials(),
        new StatelessNonces(options.nonceKey(), options.nonceLifetime(), clock), options.events());
    TurnListeners listeners = new TurnListeners(Runtime.getRuntime().availableProcessors());
    AllocationRequests requests = new AllocationRequests(options.settings(), table, ports, reservations, listeners,
        options.policy(), options.events(), clock);
    TurnProtocol protocol = new TurnProtocol(requests, memory, authenticator,
        new SourceRateLimiter(options.unauthenticatedPerIpPerSecond(), clock), options.policy(), options.events(), clock);
    requests.deliverPeerDataTo(protocol::onPeerData);
    listeners.listen(options.listen(), protocol, fiveTuple -> {
      Allocation allocation = table.get(fiveTuple);
      if (allocation != null) {
        requests.close(allocation);
      }
    });
    log.info("STUN/TURN listening on {} udp+tcp {}{}, relays {}-{}", options.listen().host(), listeners.udpPort(),
        listeners.tlsPort() > 0 ? ", tls " + listeners.tlsPort() : "", options.minPort(), options.maxPort());
    return new TurnServer(listeners, table, requests, memory, reservations, clock);
  }

  public int udpPort() {
    return listeners.udpPort();
  }

  public int tcpPort() {
    return listeners.tcpPort();
  }

  /** The TLS port, or -1 without TLS. */
  public int tlsPort() {
    return listeners.tlsPort();
  }

  /** Allocations now (for metrics). */
  public int allocations() {
    return table.size();
  }

  /** Permissions held by every allocation now (for metrics). */
  public int permissions() {
    return table.all().stream().mapToInt(Allocation::permissionCount).sum();
  }

  /** Channel bindings held by every allocation now (for metrics). */
  public int channels() {
    return table.all().stream().mapToInt(Allocation::channelCount).sum();
  }

  @Override
  public void close() {
    sweep.cancel(false);
    for (Allocation allocation : table.all()) {
      allocation.relay().eventLoop().execute(() -> requests.close(allocation));
    }
    listeners.close();
  }
}
