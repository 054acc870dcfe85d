package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.Ramp;
import dev.junction.bench.Wire;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The rooms pinned to one event loop and their counters. All members of a room live on the same
 * loop, so a room's state is only ever touched by one thread.
 */
final class RoomLoop implements RoomClient.Listener {

  final Context context;
  final List<Room> rooms = new ArrayList<>();
  private final RoomStats stats = new RoomStats();
  private final Ramp ramp;

  private boolean running;
  private long windowStart = Long.MAX_VALUE;
  private long windowEnd = Long.MIN_VALUE;

  RoomLoop(Context context, Ramp ramp) {
    this.context = context;
    this.ramp = ramp;
  }

  private boolean inWindow(long nanoTime) {
    return nanoTime >= windowStart && nanoTime < windowEnd;
  }

  /** Starts every ready room's sender; counts only deliveries in [start, end). Call on any thread. */
  void startFanout(long measureStart, long measureEnd) {
    context.runOnContext(v -> {
      windowStart = measureStart;
      windowEnd = measureEnd;
      running = true;
      for (Room r : rooms) {
        if (!r.ready()) continue;
        r.sender().socket().drainHandler(d -> pump(r));
        pump(r);
      }
    });
  }

  /** Stops sending and hands back a copy of the counters. Call on any thread. */
  Future<RoomStats> stop() {
    Promise<RoomStats> p = Promise.promise();
    context.runOnContext(v -> {
      running = false;
      p.complete(stats.copy());
    });
    return p.future();
  }

  void closeAll() {
    context.runOnContext(v -> {
      for (Room r : rooms) for (RoomClient c : r.members) c.close();
    });
  }

  private void pump(Room r) {
    if (!running) return;
    int n = r.pump();
    if (inWindow(System.nanoTime())) stats.sent += n;
  }

  @Override
  public void joined(RoomClient c) {
    stats.joined++;
    stats.joinLatency.record(System.nanoTime() - c.openedNs);
    ramp.finished(true);
  }

  @Override
  public void joinFailed(RoomClient c, String reason) {
    ramp.failed(c.identity + ": " + reason);
  }

  @Override
  public void delivered(RoomClient c, Inbound m) {
    long now = System.nanoTime();
    long sentNs = m.longValue(Wire.SENT_KEY, Long.MIN_VALUE);
    if (c.slot == 0 || sentNs == Long.MIN_VALUE) {
      stats.malformed++; // the sender must not get its own messages back; every message carries its send time
      return;
    }
    if (inWindow(now)) {
      stats.delivered++;
      stats.deliveredBytes += m.length();
      stats.latency.record(now - sentNs);
    }
    c.room.window.delivered(c.slot - 1);
    pump(c.room);
  }

  @Override
  public void disconnected(RoomClient c) {
    stats.disconnects++;
  }

  @Override
  public void error(RoomClient c, String what) {
    stats.errors++;
    ramp.noteError(new IllegalStateException(c.identity + ": " + what));
  }
}
