package dev.junction.signaling.apprtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.Json;
import dev.junction.signaling.Names;
import dev.junction.signaling.SignalingEvents;
import java.util.Optional;

/**
 * One Collider WebSocket: {@code {"cmd":"register","roomid":R,"clientid":C}} once, then
 * {@code {"cmd":"send","msg":"<text>"}} for each message to the other client.
 *
 * <p>Collider closes the socket after most refusals (bad JSON, a second register, {@code send}
 * before {@code register}); here every refusal is an error frame and the socket stays open, since
 * no client relies on the close and one bad message should not cost a call. A socket that has not
 * registered within the register timeout is closed by {@link AppRtcDialect#sweep}.
 *
 * <p>{@link #onText} and {@link #onClose} run on the connection's event loop; the sweep reads
 * {@link #registered} from another thread, hence volatile.
 */
final class ColliderSession implements ClientSession {

  private static final String DIALECT = AppRtcDialect.NAME;

  private final Connection connection;
  private final AppRtcDialect dialect;
  private final SignalingEvents events;
  private final long registerDeadline;
  private String roomId;
  private String clientId;
  private volatile boolean registered;

  ColliderSession(Connection connection, AppRtcDialect dialect, SignalingEvents events, long registerDeadline) {
    this.connection = connection;
    this.dialect = dialect;
    this.events = events;
    this.registerDeadline = registerDeadline;
  }

  @Override
  public void onText(String text) {
    events.messageReceived(DIALECT);
    ObjectNode message = Json.parseObjectOr(text, reason -> refuse(ErrorKind.BAD_JSON, "Invalid JSON: " + reason));
    if (message == null) {
      return;
    }
    switch (Json.text(message, "cmd").orElse("")) {
      case "register" -> register(message);
      case "send" -> send(message);
      default -> refuse(ErrorKind.UNKNOWN_TYPE, "Invalid message: unexpected 'cmd'");
    }
  }

  @Override
  public void onClose() {
    dialect.forget(this);
    if (registered) {
      dialect.rooms().unregister(roomId, clientId, connection);
    }
  }

  private void register(ObjectNode message) {
    if (registered) {
      refuse(ErrorKind.BAD_MESSAGE, "Duplicated register request");
      return;
    }
    Optional<String> room = Json.text(message, "roomid").filter(Names::isValidRoomName);
    Optional<String> client = Json.text(message, "clientid").filter(Names::isValidRoomName);
    if (room.isEmpty() || client.isEmpty()) {
      refuse(ErrorKind.BAD_MESSAGE, "Invalid register request: missing 'clientid' or 'roomid'");
      return;
    }
    if (!dialect.rooms().register(room.get(), client.get(), connection)) {
      refuse(ErrorKind.UNKNOWN_CLIENT,
          "Unknown client " + client.get() + " in room " + room.get() + ": join the room before registering");
      return;
    }
    roomId = room.get();
    clientId = client.get();
    registered = true;
    dialect.forget(this);
    dialect.countRegistration();
  }

  private void send(ObjectNode message) {
    if (!registered) {
      refuse(ErrorKind.NOT_NAMED, "Client not registered");
      return;
    }
    Optional<String> text = Json.text(message, "msg").filter(msg -> !msg.isEmpty());
    if (text.isEmpty()) {
      refuse(ErrorKind.BAD_MESSAGE, "Invalid send request: missing 'msg'");
      return;
    }
    switch (dialect.rooms().send(roomId, clientId, text.get(), connection)) {
      case DELIVERED, QUEUED -> { }
      case QUEUE_FULL -> refuse(ErrorKind.QUEUE_FULL, "Too many messages queued for the client");
      case UNKNOWN_CLIENT -> refuse(ErrorKind.UNKNOWN_CLIENT, "Client " + clientId + " is no longer in room " + roomId);
    }
  }

  /** Closes the socket if it is still unregistered at {@code now}; returns whether it did. */
  boolean closeIfUnregistered(long now) {
    if (registered || now < registerDeadline) {
      return false;
    }
    refuse(ErrorKind.REGISTER_TIMEOUT, "Register timeout: send {\"cmd\":\"register\"} right after connecting");
    connection.close(CloseReason.policyViolation("register timeout"));
    return true;
  }

  private void refuse(ErrorKind kind, String text) {
    events.error(DIALECT, kind);
    dialect.countSocketError();
    connection.send(ColliderFrames.error(text));
  }
}
