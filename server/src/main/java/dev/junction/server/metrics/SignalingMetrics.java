package dev.junction.server.metrics;

import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signaling events as Micrometer meters, labelled by dialect (and error kind). Meters are looked
 * up once per dialect and kept, so the relay path only increments. Thread-safe.
 */
public final class SignalingMetrics implements SignalingEvents {

  private final MeterRegistry registry;
  private final Map<String, DialectMeters> byDialect = new ConcurrentHashMap<>();

  public SignalingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the meters of {@code dialect} now, so they read 0 rather than being absent until used. */
  public void declare(String dialect) {
    meters(dialect);
  }

  @Override
  public void connectionOpened(String dialect) {
    DialectMeters meters = meters(dialect);
    meters.opened.increment();
    meters.open.incrementAndGet();
  }

  @Override
  public void connectionClosed(String dialect) {
    meters(dialect).open.decrementAndGet();
  }

  @Override
  public void roomJoined(String dialect) {
    meters(dialect).joins.increment();
  }

  @Override
  public void sessionResumed(String dialect) {
    meters(dialect).resumes.increment();
  }

  @Override
  public void messageReceived(String dialect) {
    meters(dialect).received.increment();
  }

  @Override
  public void messageRelayed(String dialect, int recipients) {
    meters(dialect).relayed.increment(recipients);
  }

  @Override
  public void messageQueued(String dialect) {
    meters(dialect).queued.increment();
  }

  @Override
  public void queuedMessagesExpired(String dialect, int count) {
    meters(dialect).expired.increment(count);
  }

  @Override
  public void error(String dialect, ErrorKind kind) {
    meters(dialect).errors.get(kind).increment();
  }

  private DialectMeters meters(String dialect) {
    return byDialect.computeIfAbsent(dialect, name -> new DialectMeters(registry, name));
  }

  private static final class DialectMeters {
    final AtomicInteger open = new AtomicInteger();
    final Counter opened;
    final Counter joins;
    final Counter resumes;
    final Counter received;
    final Counter relayed;
    final Counter queued;
    final Counter expired;
    final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);

    DialectMeters(MeterRegistry registry, String dialect) {
      Gauge.builder("junction.signaling.connections", open, AtomicInteger::get)
          .description("Signaling connections open now")
          .tag("dialect", dialect)
          .register(registry);
      opened = Counter.builder("junction.signaling.connections.opened")
          .description("Signaling connections accepted")
          .tag("dialect", dialect)
          .register(registry);
      joins = Counter.builder("junction.signaling.room.joins")
          .description("Clients let into a room")
          .tag("dialect", dialect)
          .register(registry);
      resumes = Counter.builder("junction.signaling.sessions.resumed")
          .description("Sessions taken back by a reconnecting client within the grace window")
          .tag("dialect", dialect)
          .register(registry);
      received = Counter.builder("junction.signaling.messages.received")
          .description("Messages received from clients that passed the transport checks")
          .tag("dialect", dialect)
          .register(registry);
      relayed = Counter.builder("junction.signaling.messages.relayed")
          .description("Messages delivered to clients, one per recipient")
          .tag("dialect", dialect)
          .register(registry);
      queued = Counter.builder("junction.signaling.messages.queued")
          .description("Messages held for a recipient that was not connected yet")
          .tag("dialect", dialect)
          .register(registry);
      expired = Counter.builder("junction.signaling.messages.expired")
          .description("Held messages dropped because their recipient did not connect in time")
          .tag("dialect", dialect)
          .register(registry);
      for (ErrorKind kind : ErrorKind.values()) {
        errors.put(kind, Counter.builder("junction.signaling.errors")
            .description("Messages and connections refused, by kind")
            .tags("dialect", dialect, "kind", kind.label())
            .register(registry));
      }
    }
  }
}
