package dev.junction.signaling.nativev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.Json;
import java.util.List;

/**
 * The server's frames, as JSON text without their {@code seq}: the outbox numbers a frame when it
 * sends it ({@link #withSeq}), so a body rendered once can go to every member of a room.
 * docs/API.md describes every field.
 */
final class Frames {

  private Frames() {}

  static String welcome(Session session, boolean renamed, NativeSettings settings) {
    ObjectNode frame = type("welcome")
        .put("session", session.id())
        .put("secret", session.secret())
        .put("identity", session.identity())
        .put("name", session.name())
        .put("renamed", renamed);
    frame.set("grants", session.grants().toJson());
    frame.put("resumeGraceSeconds", settings.resumeGraceMillis() / 1000.0)
        .put("ackWindow", settings.ackWindow())
        .put("roomCapacity", settings.roomCapacity())
        .put("maxRoomsPerPeer", settings.maxRoomsPerPeer())
        .put("lobby", settings.lobby().name());
    return Json.write(frame);
  }

  static String resumed(Session session, int replayed) {
    return Json.write(type("resumed")
        .put("session", session.id())
        .put("identity", session.identity())
        .put("lastClientSeq", session.lastClientSeq())
        .put("replayed", replayed));
  }

  /** The answer to a join: the members already there, and the joiner's role toward each (polite: it joined later). */
  static String joined(NativeRoom room, Session joiner, String requestId) {
    ObjectNode frame = type("joined").put("room", room.name()).put("capacity", room.capacity());
    ArrayNode members = frame.putArray("members");
    for (Session member : room.members()) {
      if (member != joiner) {
        members.add(member(member).put("role", "polite"));
      }
    }
    return Json.write(withRequestId(frame, requestId));
  }

  static String left(String room, String requestId) {
    return Json.write(withRequestId(type("left").put("room", room), requestId));
  }

  /** To the members already in a room: who came, and their role toward it (impolite: they were first). */
  static String peerJoined(String room, Session peer) {
    ObjectNode frame = type("peer-joined").put("room", room);
    frame.set("peer", member(peer));
    return Json.write(frame.put("role", "impolite"));
  }

  static String peerLeft(String room, String identity, String reason) {
    return Json.write(type("peer-left").put("room", room).put("identity", identity).put("reason", reason));
  }

  static String peerState(String room, String identity, String state) {
    return Json.write(type("peer-state").put("room", room).put("identity", identity).put("state", state));
  }

  /** A relayed offer, answer, candidate or message: {@code from} is the server's, {@code data} the sender's. */
  static String relayed(String type, String room, String from, String to, JsonNode data) {
    ObjectNode frame = type(type).put("room", room).put("from", from);
    if (to != null) {
      frame.put("to", to);
    }
    if (data != null) {
      frame.set("data", data);
    }
    return Json.write(frame);
  }

  /** To a sender: {@code count} of its messages for {@code to} were dropped, and why. */
  static String expired(String room, String to, String reason, int count, List<String> requestIds) {
    ObjectNode frame = type("expired").put("room", room).put("to", to).put("reason", reason).put("count", count);
    ArrayNode ids = frame.putArray("ids");
    requestIds.forEach(ids::add);
    return Json.write(frame);
  }

  static String roomClosed(String room) {
    return Json.write(type("room-closed").put("room", room).put("reason", "closed-by-admin"));
  }

  /** A message from the server's operator (admin API), to one peer ({@code room} null) or a room. */
  static String serverMessage(String room, JsonNode data) {
    ObjectNode frame = type("server-message");
    if (room != null) {
      frame.put("room", room);
    }
    frame.set("data", data);
    return Json.write(frame);
  }

  static String pong(String requestId) {
    return Json.write(withRequestId(type("pong"), requestId));
  }

  static String error(ErrorCode code, String message, String requestId) {
    return Json.write(withRequestId(type("error").put("code", code.wire()).put("message", message), requestId));
  }

  static String goodbye(Goodbye goodbye) {
    return Json.write(type("goodbye").put("reason", goodbye.reason()).put("resume", goodbye.resume()));
  }

  /** {@code body} with {@code "seq":seq} as its first field. */
  static String withSeq(long seq, String body) {
    return "{\"seq\":" + seq + "," + body.substring(1);
  }

  private static ObjectNode member(Session session) {
    ObjectNode member = Json.object()
        .put("identity", session.identity())
        .put("name", session.name())
        .put("state", session.isConnected() ? "active" : "reconnecting");
    member.putObject("grants")
        .put("publish", session.grants().publish())
        .put("subscribe", session.grants().subscribe())
        .put("data", session.grants().data());
    return member;
  }

  private static ObjectNode type(String type) {
    return Json.object().put("type", type);
  }

  private static ObjectNode withRequestId(ObjectNode frame, String requestId) {
    return requestId == null ? frame : frame.put("requestId", requestId);
  }
}
