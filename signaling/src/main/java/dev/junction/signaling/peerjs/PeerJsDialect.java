package dev.junction.signaling.peerjs;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Dialect;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The protocol of PeerJS's broker, peers/peerjs-server (1.x), wire-compatible with the unmodified
 * {@code peerjs} client: a WebSocket at {@code <path>/peerjs?key=…&id=…&token=…} answered with
 * {@code OPEN}, {@code ID-TAKEN} or {@code ERROR}; {@code OFFER}/{@code ANSWER}/{@code CANDIDATE}
 * /{@code LEAVE} relayed by {@code dst} with {@code src} stamped by the server; messages for an
 * absent peer held and answered with {@code EXPIRE} when it does not come; {@code LEAVE} back to a
 * sender whose recipient is gone; {@code HEARTBEAT} against {@code alive_timeout}. The HTTP side
 * ({@code /id}, {@code /peers}) uses {@link #newId} and {@link #peerIds}.
 *
 * <p>Kept from peerjs-server: its error texts, the takeover of an id by a connection with the same
 * token (without a second {@code OPEN}), and silence for unknown message types. Changed: ids and
 * tokens must be well formed; a malformed message gets {@code ERROR} instead of being dropped; a
 * connection replaced by a takeover is closed rather than left speaking for the id; a
 * {@code LEAVE} without {@code dst} closes the leaver's socket; and mailboxes are bounded.
 */
public final class PeerJsDialect implements Dialect {

  public static final String NAME = "peerjs";

  private final PeerJsSettings settings;
  private final PeerRegistry registry;
  private final SignalingEvents events;

  /**
   * @param nanoClock monotonic clock for heartbeats and expiry ({@code System::nanoTime} outside tests)
   */
  public PeerJsDialect(PeerJsSettings settings, SignalingEvents events, LongSupplier nanoClock) {
    this.settings = settings;
    this.events = events;
    this.registry = new PeerRegistry(settings, nanoClock, events);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Without a query there are no credentials: refused as peerjs-server refuses them. */
  @Override
  public ClientSession open(Connection connection, String roomName) {
    return open(connection, roomName, Map.of());
  }

  @Override
  public ClientSession open(Connection connection, String roomName, Map<String, String> query) {
    Credentials credentials;
    try {
      credentials = Credentials.check(query, settings.key());
    } catch (Credentials.Refusal refusal) {
      return refuse(connection, ErrorKind.BAD_CREDENTIALS, PeerJsMessages.error(refusal.getMessage()),
          CloseReason.policyViolation("invalid credentials"));
    }
    Registration registration = registry.register(credentials, connection);
    if (registration instanceof Registration.IdTaken) {
      return refuse(connection, ErrorKind.ID_TAKEN, PeerJsMessages.idTaken(),
          CloseReason.policyViolation("ID is taken"));
    }
    if (registration instanceof Registration.Full) {
      // 1013: try again later (RFC 6455 §7.4.1 registry).
      return refuse(connection, ErrorKind.SERVER_FULL, PeerJsMessages.error(PeerJsMessages.LIMIT_REACHED),
          new CloseReason(1013, "server is full"));
    }
    if (registration instanceof Registration.TakenOver takenOver) {
      takenOver.previous().close(new CloseReason(1000, "replaced by a new connection with the same id and token"));
    }
    return new PeerJsClient(credentials.id(), connection, registry, events);
  }

  private ClientSession refuse(Connection connection, ErrorKind kind, String message, CloseReason reason) {
    events.error(NAME, kind);
    connection.send(message);
    connection.close(reason);
    return ClientSession.CLOSED;
  }

  /** Whether {@code key} is the configured API key (for the HTTP routes under {@code /<key>/}). */
  public boolean acceptsKey(String key) {
    return Credentials.sameText(key, settings.key());
  }

  /** A random id that no peer has now ({@code GET <path>/<key>/id}). */
  public String newId() {
    return registry.newId();
  }

  /** Every registered id ({@code GET <path>/<key>/peers}, when discovery is allowed). */
  public List<String> peerIds() {
    return registry.ids();
  }

  /** Expires mailboxes and disconnects silent peers; the server calls it every {@code cleanup_out_msgs}. */
  public void sweep() {
    registry.sweep();
  }
}
