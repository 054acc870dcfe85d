package dev.junction.signaling.mdn;

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
    Envelope envelope;
    try {
      envelope = Envelope.read(text);
    } catch (Json.BadJsonException e) {
      refuse(ErrorKind.BAD_JSON, "bad-json", e.getMessage());
      return;
    }
    if (envelope.type() == null) {
      refuse(ErrorKind.BAD_MESSAGE, "bad-message", "a message needs a string field 'type'");
      return;
    }
    if (envelope.type().equals("username")) {
      claimName(Json.text(parsed(text), "name").orElse(null));
    } else {
      relay(envelope, text);
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
  private void claimName(String requested) {
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

  /**
   * {@code message} and every other type: stamped with the sender's name, then routed. Only chat
   * is rebuilt; everything else is relayed as the client wrote it, with {@code name} added if absent.
   */
  private void relay(Envelope envelope, String originalText) {
    String ownName = name;
    String type = envelope.type();
    if (ownName == null) {
      refuse(ErrorKind.NOT_NAMED, "not-named", "send a 'username' message before '" + type + "'");
      return;
    }
    if (envelope.hasName() && !(envelope.nameIsString() && ownName.equals(envelope.name()))) {
      refuse(ErrorKind.SENDER_MISMATCH, "sender-mismatch", "'name' must be your own name '" + ownName + "'");
      return;
    }
    if (envelope.hasTarget() && !envelope.targetIsString()) {
      refuse(ErrorKind.BAD_MESSAGE, "bad-message", "'target' must be a user name");
      return;
    }
    String text;
    if (type.equals("message")) {
      ObjectNode chat = parsed(originalText);
      Optional<String> words = Json.text(chat, "text");
      if (words.isEmpty()) {
        refuse(ErrorKind.BAD_MESSAGE, "bad-message", "a chat 'message' needs a string field 'text'");
        return;
      }
      text = Json.write(chat.put("name", ownName).put("text", MdnMessages.stripTags(words.get())));
    } else {
      text = envelope.hasName() ? originalText : Envelope.withName(originalText, ownName);
    }
    if (envelope.hasTarget() && !envelope.target().isEmpty()) {
      sendTo(envelope.target(), type, text);
    } else {
      broadcast(text);
    }
  }

  /** The tree of a text {@link Envelope#read} has already validated, for the few types we rebuild. */
  private static ObjectNode parsed(String validatedText) {
    try {
      return Json.parseObject(validatedText);
    } catch (Json.BadJsonException e) {
      throw new IllegalStateException("validated JSON failed to parse", e);
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
