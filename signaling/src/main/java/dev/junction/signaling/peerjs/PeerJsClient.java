package dev.junction.signaling.peerjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.Json;
import dev.junction.signaling.SignalingEvents;
import java.util.Optional;

/**
 * One registered PeerJS peer. Its identity is fixed by the handshake: whatever {@code src} a
 * message carries, the server sends it on as this peer's. Runs on its connection's event loop.
 */
final class PeerJsClient implements ClientSession {

  private static final String DIALECT = PeerJsDialect.NAME;

  private final String id;
  private final Connection connection;
  private final PeerRegistry registry;
  private final SignalingEvents events;

  PeerJsClient(String id, Connection connection, PeerRegistry registry, SignalingEvents events) {
    this.id = id;
    this.connection = connection;
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void onText(String text) {
    events.messageReceived(DIALECT);
    ObjectNode message = Json.parseObjectOr(text, reason -> refuse(ErrorKind.BAD_JSON, reason));
    if (message == null) {
      return;
    }
    Optional<String> type = Json.text(message, "type");
    if (type.isEmpty()) {
      refuse(ErrorKind.BAD_MESSAGE, "a message needs a string field 'type'");
      return;
    }
    switch (type.get()) {
      case PeerJsMessages.HEARTBEAT -> registry.heartbeat(id, connection);
      case PeerJsMessages.OFFER, PeerJsMessages.ANSWER, PeerJsMessages.CANDIDATE, PeerJsMessages.LEAVE,
          PeerJsMessages.EXPIRE -> relay(type.get(), message);
      // peerjs-server has no handler for other types and drops them; a newer client may send some.
      default -> events.error(DIALECT, ErrorKind.UNKNOWN_TYPE);
    }
  }

  private void relay(String type, ObjectNode message) {
    JsonNode dst = message.get("dst");
    boolean noDst = dst == null || dst.isNull() || (dst.isTextual() && dst.textValue().isEmpty());
    if (noDst && type.equals(PeerJsMessages.LEAVE)) {
      registry.leave(id, connection);
    } else if (noDst || !dst.isTextual()) {
      refuse(ErrorKind.BAD_MESSAGE, "'" + type + "' needs a string field 'dst', the id of the peer it is for");
    } else {
      registry.transmit(id, connection, type, dst.textValue(), message.get("payload"));
    }
  }

  @Override
  public void onClose() {
    registry.unregister(id, connection);
  }

  /** The connection stays open: the PeerJS client destroys its peer on {@code ERROR} by itself. */
  private void refuse(ErrorKind kind, String text) {
    events.error(DIALECT, kind);
    connection.send(PeerJsMessages.error(text));
  }
}
