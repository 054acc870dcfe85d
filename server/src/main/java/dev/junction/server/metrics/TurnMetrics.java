package dev.junction.server.metrics;

import dev.junction.turn.TurnEvents;
import dev.junction.turn.TurnServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * STUN/TURN events as Micrometer meters. No meter name ends in "created": OpenMetrics reserves
 * that suffix, and Prometheus would fold such a counter onto the gauge of the same stem. Labels are bounded: no usernames or addresses (ephemeral
 * REST usernames would grow them without end, as coturn learned). Thread-safe.
 */
public final class TurnMetrics implements TurnEvents {

  private final Counter allocationsCreated;
  private final Counter permissionsCreated;
  private final Counter channelsBound;
  private final Counter bindings;
  private final Counter packetsToPeers;
  private final Counter packetsToClients;
  private final Counter bytesToPeers;
  private final Counter bytesToClients;
  private final Counter authFailures;
  private final Map<Rejection, Counter> rejections = new EnumMap<>(Rejection.class);

  public TurnMetrics(MeterRegistry registry) {
    allocationsCreated = counter(registry, "junction.turn.allocations.opened", "TURN allocations made");
    permissionsCreated = counter(registry, "junction.turn.permissions.installed", "TURN permissions installed or refreshed");
    channelsBound = counter(registry, "junction.turn.channels.bound", "TURN channel bindings made or refreshed");
    bindings = counter(registry, "junction.stun.bindings", "STUN Binding requests answered");
    packetsToPeers = Counter.builder("junction.turn.relayed.packets").tag("direction", "to_peer")
        .description("Datagrams relayed").register(registry);
    packetsToClients = Counter.builder("junction.turn.relayed.packets").tag("direction", "to_client")
        .description("Datagrams relayed").register(registry);
    bytesToPeers = Counter.builder("junction.turn.relayed.bytes").tag("direction", "to_peer").baseUnit("bytes")
        .description("Application bytes relayed").register(registry);
    bytesToClients = Counter.builder("junction.turn.relayed.bytes").tag("direction", "to_client").baseUnit("bytes")
        .description("Application bytes relayed").register(registry);
    authFailures = counter(registry, "junction.turn.auth.failures", "Requests with an unknown user or a wrong MESSAGE-INTEGRITY");
    for (Rejection reason : Rejection.values()) {
      rejections.put(reason, Counter.builder("junction.turn.rejections")
          .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
          .description("Requests and packets refused or dropped, by reason")
          .register(registry));
    }
  }

  /** Gauges read from the running server: allocations, permissions and channels held now. */
  public static void bindGauges(MeterRegistry registry, Supplier<TurnServer> server) {
    Gauge.builder("junction.turn.allocations", () -> server.get().allocations())
        .description("TURN allocations now").register(registry);
    Gauge.builder("junction.turn.permissions", () -> server.get().permissions())
        .description("TURN permissions held now").register(registry);
    Gauge.builder("junction.turn.channels", () -> server.get().channels())
        .description("TURN channel bindings held now").register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  @Override
  public void allocationCreated() {
    allocationsCreated.increment();
  }

  @Override
  public void permissionCreated() {
    permissionsCreated.increment();
  }

  @Override
  public void channelBound() {
    channelsBound.increment();
  }

  @Override
  public void bindingAnswered() {
    bindings.increment();
  }

  @Override
  public void relayedToPeer(int bytes) {
    packetsToPeers.increment();
    bytesToPeers.increment(bytes);
  }

  @Override
  public void relayedToClient(int bytes) {
    packetsToClients.increment();
    bytesToClients.increment(bytes);
  }

  @Override
  public void authFailed() {
    authFailures.increment();
  }

  @Override
  public void rejected(Rejection reason) {
    rejections.get(reason).increment();
  }
}
