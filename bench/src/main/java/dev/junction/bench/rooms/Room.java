package dev.junction.bench.rooms;

import dev.junction.bench.LoopWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One room of the load: its members (slot 0 sends in the fan-out scenario, the others receive)
 * and the sender's window. Every member lives on the same event loop, so no locking.
 */
final class Room {

  final String name;
  final RoomDialect dialect;
  final List<RoomClient> members = new ArrayList<>();
  final FanoutWindow window;
  private final String padding;

  Room(String name, RoomDialect dialect, int size, int window, int paddingBytes) {
    this.name = name;
    this.dialect = dialect;
    this.window = new FanoutWindow(size - 1, window);
    this.padding = "x".repeat(paddingBytes);
  }

  RoomClient sender() {
    return members.get(0);
  }

  boolean ready() {
    for (RoomClient c : members) if (!c.ready()) return false;
    return true;
  }

  /**
   * Sends, through {@code writer}, as many messages as the window and the sender's socket allow;
   * returns how many. A full socket holds messages in flight, whose deliveries pump again.
   */
  int pump(LoopWriter writer) {
    RoomClient s = sender();
    int n = 0;
    while (window.maySend() && s.socket().writable()) {
      writer.write(s.socket(), dialect.roomMessage(name, s.number, System.nanoTime(), padding));
      window.sent();
      n++;
    }
    return n;
  }
}
