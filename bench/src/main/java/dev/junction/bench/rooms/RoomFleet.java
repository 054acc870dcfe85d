package dev.junction.bench.rooms;

import dev.junction.bench.EventLoops;
import dev.junction.bench.Ramp;
import dev.junction.bench.WebSocketTarget;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One population of rooms and their clients, spread over the event loops room by room, and the
 * ramp that joins them. A run makes one per warm-up ramp (names prefixed so they never meet the
 * measured ones) and one for the measured ramp.
 */
final class RoomFleet {

  final List<RoomLoop> loops = new ArrayList<>();
  final Ramp ramp;
  private final int clients;

  /**
   * @param prefix put before every room and client name ({@code r<i>}, {@code u<k>})
   * @param roomServer AppRTC's room server, or null for the WebSocket-only dialects
   */
  RoomFleet(EventLoops el, RoomOptions o, String prefix, WebSocketTarget target, AppRtcRoomServer roomServer) {
    clients = o.clients();
    RoomClient[] all = new RoomClient[clients];
    RoomLoop[] loopOf = new RoomLoop[clients];
    ramp = new Ramp(clients, o.run().rampConcurrency(),
        k -> loopOf[k].context.runOnContext(v -> all[k].open(loopOf[k].context, target)));
    for (int i = 0; i < el.size(); i++) loops.add(new RoomLoop(el.context(i), ramp));
    for (int r = 0; r < o.rooms(); r++) {
      RoomLoop loop = loops.get(r % loops.size());
      Room room = new Room(prefix + "r" + r, o.dialect(), o.roomSize(), o.run().window(), o.paddingBytes());
      loop.rooms.add(room);
      for (int s = 0; s < o.roomSize(); s++) {
        int k = r * o.roomSize() + s;
        RoomClient c = new RoomClient(prefix + "u" + k, k, room, s, o.dialect(), roomServer, loop);
        room.members.add(c);
        all[k] = c;
        loopOf[k] = loop;
      }
    }
  }

  int clients() {
    return clients;
  }

  int readyRooms() {
    int n = 0;
    for (RoomLoop l : loops) for (Room r : l.rooms) if (r.ready()) n++;
    return n;
  }

  /** Every loop starts its fan-out senders; see {@link RoomLoop#startFanout}. */
  void startFanout(long measureStart, long measureEnd) {
    for (RoomLoop l : loops) l.startFanout(measureStart, measureEnd);
  }

  /** Every client in its room starts rejoining it; see {@link RoomLoop#startRejoins}. */
  void startRejoins(long measureStart, long measureEnd) {
    for (RoomLoop l : loops) l.startRejoins(measureStart, measureEnd);
  }

  /** Stops the load and merges every loop's counters. */
  RoomStats collect() throws Exception {
    RoomStats total = new RoomStats();
    List<Future<RoomStats>> parts = new ArrayList<>();
    for (RoomLoop l : loops) parts.add(l.stop());
    for (Future<RoomStats> f : parts) total.add(f.await(30, TimeUnit.SECONDS));
    return total;
  }

  /** Everyone leaves and closes; returns whether every socket closed within {@code timeoutSeconds}. */
  boolean leaveAll(int timeoutSeconds) throws InterruptedException {
    List<Future<Void>> left = new ArrayList<>();
    for (RoomLoop l : loops) left.add(l.leaveAll());
    try {
      Future.join(left).await(timeoutSeconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  void closeAll() {
    for (RoomLoop l : loops) l.closeAll();
  }
}
