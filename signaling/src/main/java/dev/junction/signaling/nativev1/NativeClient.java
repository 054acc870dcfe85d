package dev.junction.signaling.nativev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Json;
import dev.junction.signaling.SignalingEvents;

/**
 * One connection of the native protocol: reads its frames, checks their fields and hands them to
 * the {@link Hub}. Before the welcome the only frames accepted are {@code hello} and {@code
 * resume}; a connection refused then is closed. After it, a malformed frame gets an {@code error}
 * and the connection stays open.
 *
 * <p>Confined to its connection's event loop.
 */
final class NativeClient implements ClientSession {

  static final String MESSAGE = "message";
  /** Longest request id accepted: it is echoed in answers. */
  private static final int MAX_REQUEST_ID = 128;

  private final Connection connection;
  private final Hub hub;
  private final Authenticator authenticator;
  private final SignalingEvents events;
  /** The token of the handshake (header, subprotocol or query), or null. */
  private final String handshakeToken;
  private Session session;

  NativeClient(Connection connection, Hub hub, Authenticator authenticator, SignalingEvents events,
      String handshakeToken) {
    this.connection = connection;
    this.hub = hub;
    this.authenticator = authenticator;
    this.events = events;
    this.handshakeToken = handshakeToken;
    hub.opened(connection);
  }

  @Override
  public void onText(String text) {
    events.messageReceived(NativeDialect.NAME);
    String requestId = null;
    try {
      ObjectNode frame = Json.parseObject(text);
      requestId = optionalText(frame, "id");
      if (requestId != null && requestId.length() > MAX_REQUEST_ID) {
        requestId = null;
        throw new Refusal(ErrorCode.BAD_MESSAGE, "'id' must be at most " + MAX_REQUEST_ID + " characters");
      }
      String type = requiredText(frame, "type");
      if (session == null) {
        session = welcome(type, frame);
      } else {
        dispatch(type, frame, requestId);
      }
    } catch (Json.BadJsonException e) {
      refuse(new Refusal(ErrorCode.BAD_JSON, e.getMessage()), null);
    } catch (Refusal refusal) {
      refuse(refusal, requestId);
    }
  }

  private Session welcome(String type, ObjectNode frame) throws Refusal {
    return switch (type) {
      case "hello" -> {
        String token = handshakeToken != null ? handshakeToken : optionalText(frame, "token");
        Principal principal =
            authenticator.authenticate(token, optionalText(frame, "identity"), optionalText(frame, "name"));
        yield hub.hello(connection, principal);
      }
      case "resume" -> hub.resume(connection, requiredText(frame, "session"), requiredText(frame, "secret"),
          requiredCount(frame, "lastSeq"));
      default -> throw new Refusal(ErrorCode.HELLO_REQUIRED, "the first frame must be hello or resume, got " + type);
    };
  }

  private void dispatch(String type, ObjectNode frame, String requestId) throws Refusal {
    if (frame.has("ack")) {
      hub.ack(session, connection, requiredCount(frame, "ack"));
    }
    if (frame.has("seq") && !hub.admitClientSeq(session, connection, requiredCount(frame, "seq"))) {
      return; // processed before the connection dropped: sent again by a resumed client
    }
    switch (type) {
      case "ack" -> { }
      case "join" -> hub.join(session, connection, requiredText(frame, "room"), requestId);
      case "leave" -> hub.leave(session, connection, requiredText(frame, "room"), requestId);
      case "offer", "answer", "candidate" -> hub.relay(session, connection, type, requiredText(frame, "room"),
          requiredText(frame, "to"), frame.get("data"), requestId);
      case MESSAGE -> hub.relay(session, connection, type, requiredText(frame, "room"), optionalText(frame, "to"),
          frame.get("data"), requestId);
      case "ping" -> hub.pong(session, connection, requestId);
      case "bye" -> hub.bye(session, connection);
      case "hello", "resume" -> throw new Refusal(ErrorCode.ALREADY_WELCOMED, "this connection has a session already");
      default -> throw new Refusal(ErrorCode.UNKNOWN_TYPE, "unknown type: " + type);
    }
  }

  /** Before the welcome a refusal closes the connection; after it, it is an error frame in the session's stream. */
  private void refuse(Refusal refusal, String requestId) {
    if (session == null) {
      hub.refuse(connection, refusal.code(), refusal.getMessage());
    } else {
      hub.error(session, connection, refusal, requestId);
    }
  }

  @Override
  public void onClose() {
    if (session == null) {
      hub.closedBeforeWelcome(connection);
    } else {
      hub.lost(session, connection);
    }
  }

  private static String requiredText(ObjectNode frame, String field) throws Refusal {
    String value = optionalText(frame, field);
    if (value == null) {
      throw new Refusal(ErrorCode.BAD_MESSAGE, "a string field '" + field + "' is required");
    }
    return value;
  }

  private static String optionalText(ObjectNode frame, String field) throws Refusal {
    JsonNode value = frame.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Refusal(ErrorCode.BAD_MESSAGE, "'" + field + "' must be a string");
    }
    return value.textValue();
  }

  private static long requiredCount(ObjectNode frame, String field) throws Refusal {
    JsonNode value = frame.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new Refusal(ErrorCode.BAD_MESSAGE, "'" + field + "' must be an integer >= 0");
    }
    return value.asLong();
  }
}
