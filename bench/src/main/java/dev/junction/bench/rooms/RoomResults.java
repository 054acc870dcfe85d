package dev.junction.bench.rooms;

import dev.junction.bench.CpuWindow;
import dev.junction.bench.LatencyHistogram;
import dev.junction.bench.LoadStats;
import java.util.Locale;

/**
 * What a {@link RoomLoad} run reports, per scenario: lines for people on standard output, and the
 * {@code RESULT key=value ...} line it returns for scripts (read back by {@link ResultLine}).
 */
final class RoomResults {

  private RoomResults() {}

  /** @param registered Collider's registered sockets after the ramp (AppRTC), or -1 */
  static String joins(String label, int warmupRamps, int clients, int joined, int failed, int registered,
      double seconds, CpuWindow.Use cpu, RoomStats s) {
    LatencyHistogram h = s.joinLatency;
    double perSecond = joined / seconds;
    System.out.printf(Locale.ROOT, "[%s] %,d of %,d joined (%d failed) in %.2f s = %,.0f joins/s after %d warm-up ramp(s);"
            + " first request to joined ms: p50 %.2f p99 %.2f max %.2f%n",
        label, joined, clients, failed, seconds, perSecond, warmupRamps, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)),
        ms(h.max()));
    printMachine(label, cpu, seconds);
    String reason = "";
    if (joined == 0) {
      reason = " reason=nobody_joined";
    } else if (registered >= 0 && registered != joined) {
      reason = " reason=registered_" + registered + "_of_" + joined;
      System.out.printf(Locale.ROOT, "[%s] !! Collider reports %d registered sockets for %d joined clients%n", label,
          registered, joined);
    }
    return String.format(Locale.ROOT,
        "RESULT label=%s scenario=joins ok=%s%s warmup_ramps=%d clients=%d joined=%d failed=%d%s errors=%d seconds=%.3f"
            + " joins_per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%s",
        label, reason.isEmpty(), reason, warmupRamps, clients, joined, failed,
        registered >= 0 ? " registered=" + registered : "", s.traffic.errors, seconds, perSecond, ms(h.valueAt(0.5)),
        ms(h.valueAt(0.99)), ms(h.max()), cpuFields(cpu, seconds));
  }

  /**
   * @param clients the clients that joined in the ramp and rejoined from then on
   * @param joinFailures the clients that never got in
   */
  static String rejoins(String label, int rooms, int roomSize, int clients, int joinFailures, int seconds,
      CpuWindow.Use cpu, RoomStats s) {
    LatencyHistogram h = s.rejoinLatency;
    LoadStats t = s.traffic;
    double perSecond = s.rejoined / (double) seconds;
    System.out.printf(Locale.ROOT, "[%s] %,d clients rejoined their rooms %,d times in %d s = %,.0f joins/s;"
            + " leave sent to joined ms: p50 %.3f p99 %.3f max %.3f%n",
        label, clients, s.rejoined, seconds, perSecond, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.max()));
    System.out.printf(Locale.ROOT, "[%s] errors %d, disconnects %d, stalled %d, join failures %d%n", label, t.errors,
        t.disconnects, s.stalled, joinFailures);
    printMachine(label, cpu, seconds);
    return String.format(Locale.ROOT,
        "RESULT label=%s scenario=rejoins ok=%s%s rooms=%d room_size=%d clients=%d seconds=%d join_failures=%d"
            + " joined=%d joins_per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d disconnects=%d stalled=%d%s",
        label, s.rejoined > 0, s.rejoined > 0 ? "" : " reason=nobody_rejoined", rooms, roomSize, clients, seconds,
        joinFailures, s.rejoined, perSecond, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.max()), t.errors,
        t.disconnects, s.stalled, cpuFields(cpu, seconds));
  }

  static String fanout(String label, int rooms, int roomSize, int window, int seconds, int joinFailures,
      CpuWindow.Use cpu, RoomStats s) {
    LoadStats t = s.traffic;
    LatencyHistogram h = t.latency;
    double perSecond = t.received / (double) seconds;
    System.out.printf(Locale.ROOT, "[%s] delivered %,d messages in %d s = %,.0f msg/s (%,d sent in the window)%n", label,
        t.received, seconds, perSecond, t.sent);
    System.out.printf(Locale.ROOT, "[%s] latency ms: p50 %.3f p99 %.3f p99.9 %.3f max %.3f; errors %d, disconnects %d,"
            + " malformed %d, misrouted %d%n",
        label, ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), t.errors, t.disconnects,
        t.malformed, t.misrouted);
    printMachine(label, cpu, seconds);
    return String.format(Locale.ROOT,
        "RESULT label=%s scenario=fanout ok=%s rooms=%d room_size=%d window=%d seconds=%d join_failures=%d sent=%d"
            + " delivered=%d msg_per_s=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors=%d disconnects=%d"
            + " malformed=%d misrouted=%d%s",
        label, t.received > 0, rooms, roomSize, window, seconds, joinFailures, t.sent, t.received, perSecond,
        ms(h.valueAt(0.5)), ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), t.errors, t.disconnects,
        t.malformed, t.misrouted, cpuFields(cpu, seconds));
  }

  private static void printMachine(String label, CpuWindow.Use cpu, double seconds) {
    System.out.printf(Locale.ROOT, "[%s] server CPU %.2f s, client CPU %.2f s; other programs %.2f cores, interrupt"
        + " handlers %.2f cores%n", label, cpu.serverSeconds(), cpu.clientSeconds(), cpu.othersSeconds() / seconds,
        cpu.machine().interrupts() / seconds);
  }

  private static String cpuFields(CpuWindow.Use cpu, double seconds) {
    return String.format(Locale.ROOT, " server_cpu_s=%.2f client_cpu_s=%.2f other_cores=%.2f irq_cores=%.2f",
        cpu.serverSeconds(), cpu.clientSeconds(), cpu.othersSeconds() / seconds, cpu.machine().interrupts() / seconds);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
