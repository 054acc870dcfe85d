package dev.junction.bench;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Signaling relay load: N WebSocket clients in pairs exchanging offer-, answer- and
 * candidate-sized MDN-dialect messages through a relay; reports messages relayed per second and
 * relay latency percentiles.
 *
 * <pre>
 * java -cp junction-bench.jar dev.junction.bench.SignalingLoad --url ws://127.0.0.1:PORT/ws/mdn
 *     [--connections 2000] [--seconds 20] [--warmup 10] [--rate-per-pair 0] [--window 8]
 *     [--ramp-concurrency 64] [--ramp-timeout 300] [--event-loops 2] [--local-addresses 0]
 *     [--server-pid PID] [--clk-tck 100] [--label name]
 * </pre>
 *
 * <p>{@code --rate-per-pair 0} is closed loop: every pair keeps {@code --window} messages in
 * flight, as fast as the relay returns them. A positive rate paces each pair to that many
 * messages per second (still never more than the window in flight). The last line is
 * {@code RESULT key=value ...} for scripts.
 */
public final class SignalingLoad {

  public static void main(String[] argv) throws Exception {
    LoadOptions o = LoadOptions.parse(argv);
    Report r;
    try (EventLoops el = new EventLoops(o.run().eventLoops())) {
      r = run(el, o);
    }
    if (r == null) {
      System.out.printf(Locale.ROOT, "RESULT label=%s ok=false reason=no_pair_logged_in%n", o.run().label());
      System.exit(2);
    }
    System.exit(0);
  }

  /** Runs the load and prints the report; null if no pair could log in. */
  static Report run(EventLoops el, LoadOptions o) throws Exception {
    RunOptions run = o.run();
    String label = run.label();
    int connections = o.connections();
    int seconds = run.seconds();
    int warmup = run.warmup();
    double rate = o.ratePerPair();
    int window = run.window();
    int rampConcurrency = run.rampConcurrency();
    String url = run.url();
    Connector connector = new Connector(el.vertx, url, o.localAddresses(), connections + 16);
    int pairCount = connections / 2;
    List<TrafficLoop> loops = new ArrayList<>();
    ClientConnection[] conns = new ClientConnection[connections];
    TrafficLoop[] loopOf = new TrafficLoop[connections];
    Ramp ramp = new Ramp(connections, rampConcurrency,
        k -> loopOf[k].context.runOnContext(v -> conns[k].open(connector.newSocket(k), connector.options())));
    for (int i = 0; i < el.size(); i++) loops.add(new TrafficLoop(el.context(i), ramp, window, rate));
    SplittableRandom rnd = new SplittableRandom(7);
    for (int p = 0; p < pairCount; p++) {
      TrafficLoop loop = loops.get(p % loops.size());
      ClientConnection caller = new ClientConnection(2 * p, "u" + (2 * p), true, loop);
      ClientConnection callee = new ClientConnection(2 * p + 1, "u" + (2 * p + 1), true, loop);
      conns[2 * p] = caller;
      conns[2 * p + 1] = callee;
      loopOf[2 * p] = loop;
      loopOf[2 * p + 1] = loop;
      // random initial tokens spread the paced sends of different pairs over time
      loop.pairs.add(new Pair(caller, callee, loop, rnd.nextDouble()));
    }

    System.out.printf(Locale.ROOT, "[%s] opening %d connections to %s (ramp concurrency %d)%n", label, connections, url, rampConcurrency);
    double rampSeconds = ramp.run(label, run.rampTimeout(), System.out);
    int readyPairs = 0;
    for (TrafficLoop l : loops) for (Pair p : l.pairs) if (p.ready()) readyPairs++;
    if (readyPairs == 0) return null;

    long t0 = System.nanoTime();
    long measureStart = t0 + TimeUnit.SECONDS.toNanos(warmup);
    long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
    for (TrafficLoop l : loops) l.start(measureStart, measureEnd);
    System.out.printf(Locale.ROOT, "[%s] %d pairs running: warmup %d s, measuring %d s, %s%n", label, readyPairs, warmup, seconds,
        rate > 0 ? String.format(Locale.ROOT, "%.1f msg/s per pair, window %d", rate, window) : "closed loop, window " + window + " per pair");
    sleepUntil(measureStart);
    CpuWindow cpu = run.cpuWindow();
    sleepUntil(measureEnd);
    CpuWindow.Use cpuUsed = cpu.end();

    LoadStats total = new LoadStats();
    List<Future<LoadStats>> parts = new ArrayList<>();
    for (TrafficLoop l : loops) parts.add(l.stop());
    for (Future<LoadStats> f : parts) total.add(f.await(30, TimeUnit.SECONDS));
    for (TrafficLoop l : loops) l.closeAll();

    Report r = new Report(label, connections, readyPairs, seconds, rate, window, rampSeconds, ramp.failedCount(),
        total, cpuUsed, new ExchangeScript("u0", "u1").meanBytes());
    r.print(System.out);
    if (ramp.firstError() != null) System.out.println("[" + label + "] first socket error: " + ramp.firstError());
    Thread.sleep(500); // let the close frames go out
    return r;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 200_000_000L));
  }

  private SignalingLoad() {}
}
