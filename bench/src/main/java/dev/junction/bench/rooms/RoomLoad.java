package dev.junction.bench.rooms;

import dev.junction.bench.Connector;
import dev.junction.bench.EventLoops;
import dev.junction.bench.LatencyHistogram;
import dev.junction.bench.ProcessCpu;
import dev.junction.bench.Ramp;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Room load on a signaling server, in one of two scenarios:
 *
 * <ul>
 *   <li>{@code joins}: {@code rooms x room-size} clients connect, say hello (native) and join
 *       their room, {@code ramp-concurrency} at a time; reports completed joins per second over
 *       the whole ramp and the time from connect to {@code joined} per client.
 *   <li>{@code fanout}: the same clients join, then the first member of each room sends room
 *       messages as fast as a window of {@code window} messages (in flight until every other
 *       member has it) allows; reports messages delivered per second and the latency from send
 *       to delivery, counted in {@code seconds} after {@code warmup}.
 * </ul>
 *
 * <pre>
 * java -cp junction-bench.jar dev.junction.bench.rooms.RoomLoad --url ws://127.0.0.1:PORT/ws/v1
 *     --dialect native|node-rooms --scenario joins|fanout [--rooms 100] [--room-size 6] [--window 16]
 *     [--padding-bytes 200] [--seconds 20] [--warmup 10] [--ramp-concurrency 64] [--ramp-timeout 300]
 *     [--event-loops 2] [--server-pid PID] [--clk-tck 100] [--label name]
 * </pre>
 *
 * The last line is {@code RESULT key=value ...} for scripts. Loopback only; every wait is bounded.
 */
public final class RoomLoad {

  public static void main(String[] argv) throws Exception {
    RoomOptions o = RoomOptions.parse(argv);
    String result;
    try (EventLoops el = new EventLoops(o.eventLoops())) {
      result = run(el, o);
    }
    System.out.println(result);
    System.exit(result.contains(" ok=true ") ? 0 : 2);
  }

  /** Runs the scenario, prints the report for people and returns the {@code RESULT} line. */
  static String run(EventLoops el, RoomOptions o) throws Exception {
    int clients = o.clients();
    Connector connector = new Connector(el.vertx, o.url(), 0, clients + 16, o.dialect().subProtocols);
    List<RoomLoop> loops = new ArrayList<>();
    RoomClient[] all = new RoomClient[clients];
    RoomLoop[] loopOf = new RoomLoop[clients];
    Ramp ramp = new Ramp(clients, o.rampConcurrency(),
        k -> loopOf[k].context.runOnContext(v -> all[k].open(connector.newSocket(k), connector.options())));
    for (int i = 0; i < el.size(); i++) loops.add(new RoomLoop(el.context(i), ramp));
    for (int r = 0; r < o.rooms(); r++) {
      RoomLoop loop = loops.get(r % loops.size());
      Room room = new Room("r" + r, o.roomSize(), o.window(), o.paddingBytes());
      loop.rooms.add(room);
      for (int s = 0; s < o.roomSize(); s++) {
        int k = r * o.roomSize() + s;
        RoomClient c = new RoomClient("u" + k, room, s, o.dialect(), loop);
        room.members.add(c);
        all[k] = c;
        loopOf[k] = loop;
      }
    }

    String label = o.label();
    ProcessCpu serverCpu = o.serverPid() > 0 ? new ProcessCpu(o.serverPid(), o.clkTck()) : null;
    System.out.printf(Locale.ROOT, "[%s] %d clients in %d rooms of %d on %s (%s, ramp concurrency %d)%n", label, clients,
        o.rooms(), o.roomSize(), o.url(), o.dialect(), o.rampConcurrency());
    double cpu0 = cpuSeconds(serverCpu);
    double rampSeconds = ramp.run(label, o.rampTimeout(), System.out);
    double rampCpu = cpuSeconds(serverCpu) - cpu0;
    String result;
    if (o.scenario().equals("joins")) {
      RoomStats total = collect(loops);
      result = joinsResult(label, clients, ramp.loggedIn(), ramp.failedCount(), rampSeconds, rampCpu, total);
    } else {
      result = fanout(loops, o, serverCpu, ramp.failedCount());
    }
    if (ramp.firstError() != null) System.out.println("[" + label + "] first error: " + ramp.firstError());
    for (RoomLoop l : loops) l.closeAll();
    Thread.sleep(500); // let the close frames go out
    return result;
  }

  private static String fanout(List<RoomLoop> loops, RoomOptions o, ProcessCpu serverCpu, int joinFailures)
      throws Exception {
    int readyRooms = 0;
    for (RoomLoop l : loops) for (Room r : l.rooms) if (r.ready()) readyRooms++;
    if (readyRooms == 0) return "RESULT label=" + o.label() + " scenario=fanout ok=false reason=no_room_joined";
    long measureStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.warmup());
    long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(o.seconds());
    for (RoomLoop l : loops) l.startFanout(measureStart, measureEnd);
    System.out.printf(Locale.ROOT, "[%s] %d rooms sending: warmup %d s, measuring %d s, window %d per room%n", o.label(),
        readyRooms, o.warmup(), o.seconds(), o.window());
    sleepUntil(measureStart);
    double cpu0 = cpuSeconds(serverCpu);
    sleepUntil(measureEnd);
    double cpu = cpuSeconds(serverCpu) - cpu0;
    RoomStats total = collect(loops);
    return fanoutResult(o.label(), readyRooms, o.roomSize(), o.window(), o.seconds(), joinFailures, cpu, total);
  }

  private static RoomStats collect(List<RoomLoop> loops) throws Exception {
    RoomStats total = new RoomStats();
    List<Future<RoomStats>> parts = new ArrayList<>();
    for (RoomLoop l : loops) parts.add(l.stop());
    for (Future<RoomStats> f : parts) total.add(f.await(30, TimeUnit.SECONDS));
    return total;
  }

  static String joinsResult(String label, int clients, int joined, int failed, double seconds, double serverCpu,
      RoomStats s) {
    LatencyHistogram h = s.joinLatency;
    double perSecond = joined / seconds;
    System.out.printf(Locale.ROOT, "[%s] %,d of %,d joined (%d failed) in %.2f s = %,.0f joins/s; connect to joined ms: p50 %.2f p99 %.2f max %.2f%n",
        label, joined, clients, failed, seconds, perSecond, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.max()));
    return String.format(Locale.ROOT,
        "RESULT label=%s scenario=joins ok=%s clients=%d joined=%d failed=%d seconds=%.3f joins_per_s=%.0f"
            + " p50_ms=%.3f p99_ms=%.3f max_ms=%.3f server_cpu_s=%.2f",
        label, joined > 0, clients, joined, failed, seconds, perSecond, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)),
        ms(h.max()), serverCpu);
  }

  static String fanoutResult(String label, int rooms, int roomSize, int window, int seconds, int joinFailures,
      double serverCpu, RoomStats s) {
    LatencyHistogram h = s.latency;
    double perSecond = s.delivered / (double) seconds;
    System.out.printf(Locale.ROOT, "[%s] delivered %,d messages in %d s = %,.0f msg/s (%,d sent in the window)%n", label,
        s.delivered, seconds, perSecond, s.sent);
    System.out.printf(Locale.ROOT, "[%s] latency ms: p50 %.3f p99 %.3f p99.9 %.3f max %.3f; errors %d, disconnects %d, malformed %d%n",
        label, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), s.errors, s.disconnects,
        s.malformed);
    return String.format(Locale.ROOT,
        "RESULT label=%s scenario=fanout ok=%s rooms=%d room_size=%d window=%d seconds=%d join_failures=%d sent=%d"
            + " delivered=%d msg_per_s=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors=%d disconnects=%d"
            + " malformed=%d server_cpu_s=%.2f",
        label, s.delivered > 0, rooms, roomSize, window, seconds, joinFailures, s.sent, s.delivered, perSecond,
        ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), s.errors, s.disconnects,
        s.malformed, serverCpu);
  }

  private static double cpuSeconds(ProcessCpu cpu) {
    return cpu == null ? Double.NaN : cpu.seconds();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 200_000_000L));
  }

  private RoomLoad() {}
}
