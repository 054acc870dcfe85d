package dev.junction.signaling.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.Json;
import dev.junction.signaling.NameClaim;
import dev.junction.signaling.Names;
import dev.junction.signaling.Room;
import dev.junction.signaling.Rooms;
import dev.junction.signaling.SignalingEvents;
import java.util.Optional;

/**
 * One tutorial-protocol client. Its methods run on its connection's event loop; {@link #name},
 * {@link #partner} and {@link #saysLeave} are read by other clients' loops, hence volatile.
 */
final class TutorialClient implements ClientSession {

  private static final String DIALECT = TutorialDialect.NAME;

  private final Connection connection;
  private final String roomName;
  private final Rooms<TutorialClient> rooms;
  private final SignalingEvents events;
  private Room<TutorialClient> room;
  private volatile String name;
  /** The peer this client last sent an offer or answer to; told when this client goes away. */
  private volatile TutorialClient partner;
  /** Logged in with {@code name} (tutorialspoint) rather than {@code username}: expects {@code leave}. */
  private volatile boolean saysLeave;

  TutorialClient(Connection connection, String roomName, Rooms<TutorialClient> rooms, SignalingEvents events) {
    this.connection = connection;
    this.roomName = roomName;
    this.rooms = rooms;
    this.events = events;
  }

  @Override
  public void onText(String text) {
    events.messageReceived(DIALECT);
    ObjectNode message = Json.parseObjectOr(text, reason -> refuse(ErrorKind.BAD_JSON, "Invalid JSON: " + reason));
    if (message == null) {
      return;
    }
    String type = Json.text(message, "type").orElse(null);
    if (type == null) {
      refuse(ErrorKind.BAD_MESSAGE, "Command not found: undefined");
      return;
    }
    switch (type) {
      case "login" -> login(message);
      case "offer" -> forward(message, "offer", true);
      case "answer" -> forward(message, "answer", true);
      case "candidate" -> forward(message, "candidate", false);
      case "close", "leave" -> hangUp(message, type);
      default -> refuse(ErrorKind.UNKNOWN_TYPE, "Command not found: " + type);
    }
  }

  @Override
  public void onClose() {
    if (room == null) {
      return;
    }
    rooms.leave(room, this);
    TutorialClient left = partner;
    // Told unless it has moved on to a call with someone else: a stray offer must not end that call.
    if (left != null && (left.partner == this || left.partner == null)) {
      left.partner = null;
      left.connection.send(TutorialMessages.hangUp(left.saysLeave ? "leave" : "close", name));
      events.messageRelayed(DIALECT, 1);
    }
  }

  private void login(ObjectNode message) {
    Optional<String> username = Json.text(message, "username");
    String requested = username.or(() -> Json.text(message, "name")).orElse(null);
    Optional<String> problem = Names.peerNameProblem(requested);
    if (problem.isPresent()) {
      events.error(DIALECT, ErrorKind.BAD_NAME);
      connection.send(TutorialMessages.loginFailed(problem.get()));
      return;
    }
    if (name != null) {
      // One identity per connection: a second login succeeds only as a repeat of the first.
      connection.send(name.equals(requested)
          ? TutorialMessages.loginSucceeded()
          : TutorialMessages.loginFailed("already logged in as '" + name + "'"));
      return;
    }
    if (room == null) {
      Optional<Room<TutorialClient>> entered = rooms.enter(roomName, this);
      if (entered.isEmpty()) {
        events.error(DIALECT, ErrorKind.ROOM_LIMIT);
        connection.close(CloseReason.policyViolation("too many rooms"));
        return;
      }
      room = entered.get();
    }
    if (room.claimName(this, requested) instanceof NameClaim.Granted granted) {
      name = granted.name();
      saysLeave = username.isEmpty();
      connection.send(TutorialMessages.loginSucceeded());
    } else {
      connection.send(TutorialMessages.loginFailed("the name '" + requested + "' is taken"));
    }
  }

  /** {@code offer}, {@code answer} and {@code candidate}: re-built with the sender stamped, to one peer. */
  private void forward(ObjectNode message, String payloadField, boolean pairs) {
    if (name == null) {
      refuse(ErrorKind.NOT_NAMED, "Log in before sending '" + payloadField + "'");
      return;
    }
    JsonNode payload = message.get(payloadField);
    if (payload == null || payload.isNull()) {
      refuse(ErrorKind.BAD_MESSAGE, "'" + payloadField + "' needs a field '" + payloadField + "'");
      return;
    }
    TutorialClient recipient = target(message);
    if (recipient == null) {
      return;
    }
    if (pairs) {
      partner = recipient;
    }
    recipient.connection.send(TutorialMessages.relayed(payloadField, payload, name));
    events.messageRelayed(DIALECT, 1);
  }

  /** {@code close} (flaviocopes) or {@code leave} (tutorialspoint): the partner gets the same word. */
  private void hangUp(ObjectNode message, String word) {
    if (name == null) {
      refuse(ErrorKind.NOT_NAMED, "Log in before sending '" + word + "'");
      return;
    }
    boolean named = message.hasNonNull("otherUsername") || message.hasNonNull("name");
    TutorialClient recipient = named ? target(message) : partner;
    if (recipient == null) {
      return;
    }
    if (recipient.partner == this) {
      recipient.partner = null;
    }
    if (partner == recipient) {
      partner = null;
    }
    recipient.connection.send(TutorialMessages.hangUp(word, name));
    events.messageRelayed(DIALECT, 1);
  }

  /** The peer named by {@code otherUsername} (or {@code name}), or null after counting the drop. */
  private TutorialClient target(ObjectNode message) {
    String targetName = Json.text(message, "otherUsername").or(() -> Json.text(message, "name")).orElse("");
    TutorialClient recipient = room.find(targetName);
    if (recipient == null) {
      events.error(DIALECT, ErrorKind.UNKNOWN_TARGET);
    }
    return recipient;
  }

  private void refuse(ErrorKind kind, String text) {
    events.error(DIALECT, kind);
    connection.send(TutorialMessages.error(text));
  }
}
