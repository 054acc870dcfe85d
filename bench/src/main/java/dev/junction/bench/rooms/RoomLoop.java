package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.LoadStats;
import dev.junction.bench.LoopWriter;
import dev.junction.bench.Ramp;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The rooms pinned to one event loop, the load on them (fan-out senders, or every member rejoining
 * in a closed loop) and their counters. All members of a room live on the same loop, so a room's
 * state is only ever touched by one thread.
 */
final class RoomLoop implements RoomClient.Listener {

  final Context context;
  final List<Room> rooms = new ArrayList<>();
  private final LoopWriter writer;
  private final RoomStats stats = new RoomStats();
  private final Ramp ramp;

  private boolean sending;
  private boolean rejoining;
  private long windowStart = Long.MAX_VALUE;
  private long windowEnd = Long.MIN_VALUE;

  RoomLoop(Context context, Ramp ramp) {
    this.context = context;
    this.writer = new LoopWriter(context);
    this.ramp = ramp;
  }

  private boolean inWindow(long nanoTime) {
    return nanoTime >= windowStart && nanoTime < windowEnd;
  }

  /** Starts every ready room's sender; counts only deliveries in [start, end). Call on any thread. */
  void startFanout(long measureStart, long measureEnd) {
    start(measureStart, measureEnd, () -> {
      sending = true;
      for (Room r : rooms) {
        if (r.ready()) pump(r);
      }
    });
  }

  /**
   * Every member in its room starts rejoining it, one rejoin in flight each, until {@link #stop};
   * counts only rejoins completed in [start, end). Call on any thread.
   */
  void startRejoins(long measureStart, long measureEnd) {
    start(measureStart, measureEnd, () -> {
      rejoining = true;
      for (Room r : rooms) {
        for (RoomClient c : r.members) if (c.ready()) c.rejoin(writer);
      }
    });
  }

  private void start(long measureStart, long measureEnd, Runnable load) {
    context.runOnContext(v -> {
      windowStart = measureStart;
      windowEnd = measureEnd;
      load.run();
    });
  }

  /**
   * Stops the load and hands back a copy of the counters; a rejoin that has waited a whole measured
   * window by then counts as stalled. Call on any thread.
   */
  Future<RoomStats> stop() {
    Promise<RoomStats> p = Promise.promise();
    context.runOnContext(v -> {
      sending = false;
      if (rejoining) {
        rejoining = false;
        long now = System.nanoTime();
        for (Room r : rooms) {
          for (RoomClient c : r.members) if (c.rejoinWaitingNs(now) >= windowEnd - windowStart) stats.stalled++;
        }
      }
      p.complete(stats.copy());
    });
    return p.future();
  }

  /** Every member leaves its room as a hanging-up client does; completes when all sockets are closed. */
  Future<Void> leaveAll() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Void>> closed = new ArrayList<>();
      for (Room r : rooms) for (RoomClient c : r.members) closed.add(c.leave());
      Future.join(closed).onComplete(ar -> done.complete());
    });
    return done.future();
  }

  void closeAll() {
    context.runOnContext(v -> {
      for (Room r : rooms) for (RoomClient c : r.members) c.close();
    });
  }

  private void pump(Room r) {
    if (!sending) return;
    int n = r.pump(writer);
    if (inWindow(System.nanoTime())) stats.traffic.sent += n;
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
    LoadStats t = stats.traffic;
    long sentNs = m.longValue(c.room.dialect.sentKey, Long.MIN_VALUE);
    long from = m.longValue(c.room.dialect.fromKey, Long.MIN_VALUE);
    if (sentNs == Long.MIN_VALUE || from == Long.MIN_VALUE) {
      t.malformed++; // every message carries its send time and its sender
      return;
    }
    if (c.slot == 0 || from != c.room.sender().number) {
      t.misrouted++; // the sender must not get its own messages back, nor anyone another room's
      return;
    }
    if (inWindow(now)) {
      t.received++;
      t.receivedBytes += m.length();
      t.latency.record(now - sentNs);
    }
    c.room.window.delivered(c.slot - 1);
    pump(c.room);
  }

  @Override
  public void disconnected(RoomClient c) {
    stats.traffic.disconnects++;
  }

  @Override
  public void error(RoomClient c, String what) {
    stats.traffic.errors++;
    ramp.noteError(new IllegalStateException(c.identity + ": " + what));
  }

  @Override
  public void rejoined(RoomClient c, long latencyNs) {
    if (inWindow(System.nanoTime())) {
      stats.rejoined++;
      stats.rejoinLatency.record(latencyNs);
    }
    if (rejoining) c.rejoin(writer);
  }

  @Override
  public void rejoinFailed(RoomClient c, String reason) {
    error(c, "rejoin: " + reason);
  }
}
