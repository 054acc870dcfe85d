package dev.junction.signaling.mdn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.ClientSession;
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
 * One MDN chat client. Its methods run on its connection's event loop; {@link #name} and {@link
 * #partner} are read by other clients' loops, hence volatile.
 */
final class MdnClient implements ClientSession {

  private static final String DIALECT = MdnDialect.NAME;

  private final Connection connection;
  private final long id;
  private final Rooms<MdnClient> rooms;
  private final SignalingEvents events;
  private Room<MdnClient> room;
  private volatile String name;
  /** The peer this client last traded an offer or answer with: told when this client goes away. */
  private volatile MdnClient partner;

  MdnClient(Connection connection, long id, Rooms<MdnClient> rooms, SignalingEvents events) {
    this.connection = connection;
    this.id = id;
    this.rooms = rooms;
    this.events = events;
  }

  /** Greets the client with its id and shows it (still unnamed) in everyone's list. */
  void start(Room<MdnClient> joined) {
    this.room = joined;
    connection.send(MdnMessages.id(id));
    announceRoster();
  }

  @Override
  public void onText(String text) {
    events.messageReceived(DIALECT);
    ObjectNode message;
    try {
      message = Json.parseObject(text);
    } catch (Json.BadJsonException e) {
      refuse(ErrorKind.BAD_JSON, "bad-json", e.getMessage());
      return;
    }
    Optional<String> type = Json.text(message, "type");
    if (type.isEmpty()) {
      refuse(ErrorKind.BAD_MESSAGE, "bad-message", "a message needs a string field 'type'");
      return;
    }
    if (type.get().equals("username")) {
      claimName(message);
    } else {
      relay(type.get(), message, text);
    }
  }

  @Override
  public void onClose() {
    rooms.leave(room, this);
    announceRoster();
    MdnClient left = partner;
    String ownName = name;
    // Told unless it has moved on to a call with someone else: a stray offer must not end that call.
    boolean leftIsFree = left != null && (left.partner == this || left.partner == null);
    if (leftIsFree && ownName != null && room.find(left.name) == left) {
      left.connection.send(MdnMessages.hangUp(ownName, left.name));
      events.messageRelayed(DIALECT, 1);
    }
  }

  /**
   * {@code username}: chatserver.js looks the connection up by the message's {@code id}, which
   * let anyone rename anyone; the connection itself is the only identity we trust.
   */
  private void claimName(ObjectNode message) {
    String requested = Json.text(message, "name").orElse(null);
    Optional<String> problem = Names.peerNameProblem(requested);
    if (problem.isPresent()) {
      refuse(ErrorKind.BAD_NAME, "bad-name", problem.get());
      return;
    }
    NameClaim.Granted granted = (NameClaim.Granted) room.claimName(this, requested);
    name = granted.name();
    if (granted.renamed()) {
      connection.send(MdnMessages.rejectUsername(id, granted.name()));
    }
    announceRoster();
  }

  /** {@code message} and every other type: stamped with the sender's name, then routed. */
  private void relay(String type, ObjectNode message, String originalText) {
    String ownName = name;
    if (ownName == null) {
      refuse(ErrorKind.NOT_NAMED, "not-named", "send a 'username' message before '" + type + "'");
      return;
    }
    JsonNode claimed = message.get("name");
    if (claimed != null && !ownName.equals(claimed.asText(null))) {
      refuse(ErrorKind.SENDER_MISMATCH, "sender-mismatch",
          "'name' must be your own name '" + ownName + "'");
      return;
    }
    JsonNode target = message.get("target");
    if (target != null && !target.isTextual() && !target.isNull()) {
      refuse(ErrorKind.BAD_MESSAGE, "bad-message", "'target' must be a user name");
      return;
    }
    String text = originalText;
    if (type.equals("message")) {
      Optional<String> chat = Json.text(message, "text");
      if (chat.isEmpty()) {
        refuse(ErrorKind.BAD_MESSAGE, "bad-message", "a chat 'message' needs a string field 'text'");
        return;
      }
      message.put("name", ownName).put("text", MdnMessages.stripTags(chat.get()));
      text = Json.write(message);
    } else if (claimed == null) {
      message.put("name", ownName);
      text = Json.write(message);
    }
    String targetName = target == null ? "" : target.asText("");
    if (targetName.isEmpty()) {
      broadcast(text);
    } else {
      sendTo(targetName, type, text);
    }
  }

  private void sendTo(String targetName, String type, String text) {
    MdnClient recipient = room.find(targetName);
    if (recipient == null) {
      // chatserver.js drops these silently and its clients expect no reply.
      events.error(DIALECT, ErrorKind.UNKNOWN_TARGET);
      return;
    }
    switch (type) {
      case "video-offer", "video-answer" -> partner = recipient;
      case "hang-up" -> {
        if (partner == recipient) {
          partner = null;
        }
      }
      default -> { }
    }
    recipient.connection.send(text);
    events.messageRelayed(DIALECT, 1);
  }

  /** Without a target chatserver.js sends to every connection, the sender and unnamed ones included. */
  private void broadcast(String text) {
    var everyone = room.members();
    for (MdnClient member : everyone) {
      member.connection.send(text);
    }
    events.messageRelayed(DIALECT, everyone.size());
  }

  private void announceRoster() {
    room.announceRoster(MdnMessages::userlist, (member, text) -> member.connection.send(text));
  }

  private void refuse(ErrorKind kind, String code, String text) {
    events.error(DIALECT, kind);
    connection.send(MdnMessages.error(code, text));
  }
}
