package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.Wire;
import java.util.List;

/**
 * The frames a room client sends and how it reads what it receives, per protocol under test.
 * Every dialect carries the same payload in its room message, {@code {"benchSentNs":N,
 * "benchFrom":K,"pad":"..."}} (the send time, the sender's client number, padding), so the
 * fan-out path compares like with like; they differ in how a client gets into a room and in the
 * envelope:
 *
 * <ul>
 *   <li>Junction's native protocol v1 needs a {@code hello} (answered by {@code welcome}), a
 *       {@code join} (answered by {@code joined}) and acknowledgements of its numbered frames; a
 *       {@code leave} is answered by {@code left};
 *   <li>the Node peer takes a {@code join} carrying the name and forwards the text unchanged; its
 *       {@code leave} has no answer;
 *   <li>AppRTC joins over HTTP first (see {@link AppRtcRoomServer}); on Collider's WebSocket the
 *       client then sends {@code register}, which has no answer, and {@code send}s the payload as
 *       a JSON string: it arrives as {@code {"msg":"<payload, escaped>","error":""}}. It leaves a
 *       room over HTTP too, so it has no leave frame.
 * </ul>
 */
enum RoomDialect {

  /** Junction's native protocol v1 ({@code /ws/v1}, docs/API.md). */
  NATIVE(List.of("junction.v1+json"), true, true, true, false) {
    @Override
    String hello(String identity) {
      return "{\"type\":\"hello\",\"identity\":\"" + identity + "\"}";
    }

    @Override
    String join(String room, String identity) {
      return "{\"type\":\"join\",\"room\":\"" + room + "\",\"id\":\"j\"}";
    }

    @Override
    String hangUp() {
      return "{\"type\":\"bye\"}"; // ends the session now: no grace window waiting for a resume
    }
  },

  /** {@code bench/peers/ws-relay/rooms.js}. */
  NODE_ROOMS(List.of(), false, true, false, false) {
    @Override
    String hello(String identity) {
      return null;
    }

    @Override
    String join(String room, String identity) {
      return "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + identity + "\"}";
    }

    @Override
    String hangUp() {
      return null; // closing the socket leaves every room
    }
  },

  /** Google AppRTC's Collider WebSocket ({@code <apprtc.path>/collider/ws}, docs/API.md). */
  APPRTC(List.of(), false, false, false, true) {
    @Override
    String hello(String identity) {
      return null;
    }

    @Override
    String join(String room, String clientId) {
      return "{\"cmd\":\"register\",\"roomid\":\"" + room + "\",\"clientid\":\"" + clientId + "\"}";
    }

    @Override
    String leave(String room) {
      return null; // AppRTC leaves over HTTP (POST /leave), and the server closes the socket
    }

    @Override
    String hangUp() {
      return null; // AppRTC leaves over HTTP (POST /leave), then the socket closes
    }

    @Override
    String roomMessage(String room, int from, long sentNs, String padding) {
      // the payload as a JSON string: only its quotes need escaping (digits and 'x' padding)
      return "{\"cmd\":\"send\",\"msg\":\"{\\\"benchSentNs\\\":" + sentNs + ",\\\"benchFrom\\\":" + from
          + ",\\\"pad\\\":\\\"" + padding + "\\\"}\"}";
    }

    @Override
    Frame classify(Inbound m) {
      // a refusal is {"msg":"","error":"<text>"}; a relayed send never has an empty msg
      if (m.contains(COLLIDER_REFUSAL)) return Frame.ERROR;
      if (m.contains(COLLIDER_BYE)) return Frame.OTHER; // the other client left; its socket close is counted
      return Frame.MESSAGE;
    }
  };

  /** What a received frame is, as far as the load cares. */
  enum Frame {
    WELCOME, JOINED, LEFT, MESSAGE, ERROR, OTHER;

    static Frame ofType(String type) {
      if (type == null) return OTHER;
      return switch (type) {
        case "welcome" -> WELCOME;
        case "joined" -> JOINED;
        case "left" -> LEFT;
        case "message" -> MESSAGE;
        case "error" -> ERROR;
        default -> OTHER; // presence (peer-joined, peer-left, ...) needs no answer
      };
    }
  }

  private static final byte[] COLLIDER_REFUSAL = Wire.ascii("{\"msg\":\"\",");
  private static final byte[] COLLIDER_BYE = Wire.ascii("{\"msg\":\"{\\\"type\\\":\\\"bye\\\"}\"");

  /** The subprotocols the client offers (none: the server picks nothing). */
  final List<String> subProtocols;
  /** Whether the server numbers its frames and waits for acknowledgements. */
  final boolean acknowledges;
  /** Whether the server answers the join frame; AppRTC's register has no answer. */
  final boolean joinAnswered;
  /** Whether the server answers the leave frame ({@code left}, native only). */
  final boolean leaveAnswered;
  /** Where a received message holds the payload's send time and sender: as JSON, or escaped in a string. */
  final byte[] sentKey;
  final byte[] fromKey;

  RoomDialect(List<String> subProtocols, boolean acknowledges, boolean joinAnswered, boolean leaveAnswered,
      boolean escaped) {
    this.subProtocols = subProtocols;
    this.acknowledges = acknowledges;
    this.joinAnswered = joinAnswered;
    this.leaveAnswered = leaveAnswered;
    this.sentKey = Wire.ascii(escaped ? "benchSentNs\\\":" : "\"benchSentNs\":");
    this.fromKey = Wire.ascii(escaped ? "benchFrom\\\":" : "\"benchFrom\":");
  }

  /** The first frame after the handshake, answered by {@code welcome}; null if the dialect has none. */
  abstract String hello(String identity);

  /** The frame entering {@code room} as {@code identity} (AppRTC: the client id the join gave). */
  abstract String join(String room, String identity);

  /**
   * The frame leaving {@code room} on an open connection: by default {@code {"type":"leave","room":…}};
   * null where leaving is not a frame (AppRTC).
   */
  String leave(String room) {
    return "{\"type\":\"leave\",\"room\":\"" + room + "\"}";
  }

  /** The frame a client sends before it closes to leave for good; null if closing is enough. */
  abstract String hangUp();

  /**
   * A message from client number {@code from} to every other member of {@code room}: by default
   * {@code {"type":"message","room":…,"data":<payload>}}. {@code benchSentNs} leads the payload so
   * a receiver finds it in the first bytes, ahead of the padding, whatever the server puts before it.
   */
  String roomMessage(String room, int from, long sentNs, String padding) {
    return "{\"type\":\"message\",\"room\":\"" + room + "\",\"data\":{\"benchSentNs\":" + sentNs + ",\"benchFrom\":"
        + from + ",\"pad\":\"" + padding + "\"}}";
  }

  /** What a received frame is: by default, by its {@code type}. */
  Frame classify(Inbound m) {
    return Frame.ofType(m.type());
  }

  /** Acknowledges every frame up to {@code seq} (native only). */
  static String ack(long seq) {
    return "{\"type\":\"ack\",\"ack\":" + seq + "}";
  }

  /** {@code native}, {@code node-rooms} or {@code apprtc}. */
  static RoomDialect parse(String name) {
    return switch (name) {
      case "native" -> NATIVE;
      case "node-rooms" -> NODE_ROOMS;
      case "apprtc" -> APPRTC;
      default -> throw new IllegalArgumentException("--dialect must be native, node-rooms or apprtc, not " + name);
    };
  }
}
