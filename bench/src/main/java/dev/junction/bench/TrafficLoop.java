package dev.junction.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs pinned to one event loop and their counters. Both clients of a pair live on the same
 * loop, so a pair's state is only ever touched by one thread.
 */
final class TrafficLoop implements ClientConnection.Listener {

  final Context context;
  final LoopWriter writer;
  final LoadStats stats = new LoadStats();
  final List<Pair> pairs = new ArrayList<>();
  private final Ramp ramp;
  final int window;
  final boolean rateMode;
  private final double ratePerPair;

  boolean running;
  private long windowStart = Long.MAX_VALUE;
  private long windowEnd = Long.MIN_VALUE;
  private long timerId = -1;
  private long lastTick;

  TrafficLoop(Context context, Ramp ramp, int window, double ratePerPair) {
    this.context = context;
    this.writer = new LoopWriter(context);
    this.ramp = ramp;
    this.window = window;
    this.ratePerPair = ratePerPair;
    this.rateMode = ratePerPair > 0;
  }

  boolean inWindow(long nanoTime) {
    return nanoTime >= windowStart && nanoTime < windowEnd;
  }

  /** Starts traffic on this loop; counts only what is received in [start, end). Call on any thread. */
  void start(long measureStart, long measureEnd) {
    context.runOnContext(v -> {
      windowStart = measureStart;
      windowEnd = measureEnd;
      running = true;
      if (rateMode) {
        lastTick = System.nanoTime();
        timerId = context.owner().setPeriodic(2, id -> tick());
      }
      for (Pair p : pairs) if (p.ready()) p.pump();
    });
  }

  private void tick() {
    long now = System.nanoTime();
    double seconds = (now - lastTick) / 1e9;
    lastTick = now;
    double cap = Math.max(1, window);
    for (Pair p : pairs) {
      p.refill(ratePerPair, seconds, cap);
      if (p.ready()) p.pump();
    }
  }

  /** Stops sending and hands back a copy of the counters, taken on the loop. */
  io.vertx.core.Future<LoadStats> stop() {
    Promise<LoadStats> done = Promise.promise();
    context.runOnContext(v -> {
      running = false;
      if (timerId >= 0) context.owner().cancelTimer(timerId);
      done.complete(stats.copy());
    });
    return done.future();
  }

  /** Closes every connection of this loop. */
  void closeAll() {
    context.runOnContext(v -> {
      for (Pair p : pairs) {
        p.caller.close();
        p.callee.close();
      }
    });
  }

  @Override
  public void loggedIn(ClientConnection c) {
    ramp.finished(true);
  }

  @Override
  public void loginFailed(ClientConnection c, String reason) {
    stats.errors++;
    ramp.failed(c.name + ": " + reason);
  }

  @Override
  public void relayed(ClientConnection c, Inbound m) {
    long now = System.nanoTime();
    long sent = m.longValue(Wire.SENT_KEY, -1);
    if (sent < 0) {
      stats.malformed++;
      return;
    }
    if (!m.contains(c.targetMarker)) {
      stats.misrouted++;
      return;
    }
    if (inWindow(now)) {
      stats.received++;
      stats.receivedBytes += m.length();
      stats.latency.record(now - sent);
    }
    c.pair.delivered();
  }

  @Override
  public void chatter(ClientConnection c, String type) {
    stats.chatter++;
    if (inWindow(System.nanoTime())) stats.chatterInWindow++;
  }

  @Override
  public void serverError(ClientConnection c, Inbound m) {
    stats.errors++;
    ramp.noteError(new IllegalStateException("server error message: " + m));
  }

  @Override
  public void disconnected(ClientConnection c, boolean wasReady) {
    stats.disconnects++;
  }

  @Override
  public void error(ClientConnection c, Throwable t) {
    stats.errors++;
    ramp.noteError(t);
  }
}
