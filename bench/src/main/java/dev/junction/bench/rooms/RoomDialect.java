package dev.junction.bench.rooms;

import java.util.List;

/**
 * The frames a room client sends, per server under test. Both servers take the same room
 * message, so the fan-out path compares like with like; they differ in how a client gets into a
 * room: Junction's native protocol v1 needs a {@code hello} (answered by {@code welcome}) and
 * acknowledgements of its numbered frames, the Node peer takes a {@code join} carrying the name.
 */
enum RoomDialect {

  /** Junction's native protocol v1 ({@code /ws/v1}, docs/API.md). */
  NATIVE(List.of("junction.v1+json"), true) {
    @Override
    String hello(String identity) {
      return "{\"type\":\"hello\",\"identity\":\"" + identity + "\"}";
    }

    @Override
    String join(String room, String identity) {
      return "{\"type\":\"join\",\"room\":\"" + room + "\",\"id\":\"j\"}";
    }
  },

  /** {@code bench/peers/ws-relay/rooms.js}. */
  NODE_ROOMS(List.of(), false) {
    @Override
    String hello(String identity) {
      return null;
    }

    @Override
    String join(String room, String identity) {
      return "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + identity + "\"}";
    }
  };

  /** The subprotocols the client offers (none: the server picks nothing). */
  final List<String> subProtocols;
  /** Whether the server numbers its frames and waits for acknowledgements. */
  final boolean acknowledges;

  RoomDialect(List<String> subProtocols, boolean acknowledges) {
    this.subProtocols = subProtocols;
    this.acknowledges = acknowledges;
  }

  /** The first frame after the handshake, answered by {@code welcome}; null if the dialect has none. */
  abstract String hello(String identity);

  /** The frame entering {@code room}, answered by {@code joined}. */
  abstract String join(String room, String identity);

  /** Acknowledges every frame up to {@code seq} (native only). */
  static String ack(long seq) {
    return "{\"type\":\"ack\",\"ack\":" + seq + "}";
  }

  /**
   * A message to every other member of {@code room}. {@code benchSentNs} leads {@code data} so a
   * receiver finds it in the first bytes, ahead of the padding, whatever the server puts before it.
   */
  static String roomMessage(String room, long sentNs, String padding) {
    return "{\"type\":\"message\",\"room\":\"" + room + "\",\"data\":{\"benchSentNs\":" + sentNs + ",\"pad\":\""
        + padding + "\"}}";
  }

  /** {@code native} or {@code node-rooms}. */
  static RoomDialect parse(String name) {
    return switch (name) {
      case "native" -> NATIVE;
      case "node-rooms" -> NODE_ROOMS;
      default -> throw new IllegalArgumentException("--dialect must be native or node-rooms, not " + name);
    };
  }
}
