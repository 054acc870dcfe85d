package dev.junction.signaling.nativev1;

import dev.junction.signaling.Connection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client's session: its identity, grants, rooms and outbox. It outlives its connection: when
 * the connection drops the session waits, reconnecting, for a resume with its secret until the
 * grace window closes.
 *
 * <p>Not thread-safe: guarded by the {@link Hub}'s monitor.
 */
final class Session {

  private final String id;
  private final String secret;
  private final String identity;
  private final String name;
  private final Grants grants;
  private final Outbox outbox;
  private final Set<String> rooms = new LinkedHashSet<>();
  private Connection connection;
  private long disconnectedNanos;
  private long lastClientSeq;

  Session(String id, String secret, Principal principal, String identity, Outbox outbox, Connection connection) {
    this.id = id;
    this.secret = secret;
    this.identity = identity;
    this.name = principal.name() != null ? principal.name() : identity;
    this.grants = principal.grants();
    this.outbox = outbox;
    this.connection = connection;
  }

  String id() {
    return id;
  }

  /** Proof of ownership on a resume; never logged. */
  String secret() {
    return secret;
  }

  String identity() {
    return identity;
  }

  String name() {
    return name;
  }

  Grants grants() {
    return grants;
  }

  Outbox outbox() {
    return outbox;
  }

  /** The rooms it is in, in the order it joined them. */
  Set<String> rooms() {
    return rooms;
  }

  /** The connection speaking for it now, or null while it is reconnecting. */
  Connection connection() {
    return connection;
  }

  boolean isConnected() {
    return connection != null;
  }

  /** Whether {@code candidate} is the connection speaking for this session now. */
  boolean isCurrent(Connection candidate) {
    return connection != null && connection == candidate;
  }

  void attach(Connection newConnection) {
    connection = newConnection;
  }

  void detach(long nowNanos) {
    connection = null;
    disconnectedNanos = nowNanos;
  }

  long disconnectedNanos() {
    return disconnectedNanos;
  }

  /** The highest client {@code seq} processed; a frame at or below it is a duplicate. */
  long lastClientSeq() {
    return lastClientSeq;
  }

  void clientSeq(long seq) {
    lastClientSeq = seq;
  }
}
