package dev.junction.signaling;

import java.util.Map;

/**
 * A wire protocol spoken over the signaling core: it turns a client's messages into room
 * operations and routed messages, and the core's events back into the messages its clients
 * expect. Implementations are thin; the core owns identities, presence and routing.
 */
public interface Dialect {

  /** A short lowercase name, used in logs and as the {@code dialect} metrics label. */
  String name();

  /**
   * Starts a session for a newly accepted connection, in the room called {@code roomName} (the
   * lobby when null). Called on the connection's event loop; the session's methods are too.
   */
  ClientSession open(Connection connection, String roomName);

  /**
   * Starts a session as {@link #open(Connection, String)} does, for a connection whose handshake
   * URI carried {@code query} parameters (the first value of each). Only dialects that identify
   * clients in the URI need them (PeerJS: {@code key}, {@code id}, {@code token}); the default
   * ignores them.
   */
  default ClientSession open(Connection connection, String roomName, Map<String, String> query) {
    return open(connection, roomName);
  }

  /**
   * Starts a session for a connection whose whole {@code handshake} the dialect may read (the
   * native protocol takes a token from the {@code Authorization} header or a subprotocol). The
   * default hands the room and query to {@link #open(Connection, String, Map)}.
   */
  default ClientSession open(Connection connection, Handshake handshake) {
    return open(connection, handshake.room(), handshake.query());
  }
}
