package dev.junction.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one load run for people and, on its last line, as {@code RESULT key=value ...} for scripts. */
record Report(
    String label,
    int connections,
    int pairs,
    int seconds,
    double ratePerPair,
    int window,
    double rampSeconds,
    int loginFailures,
    LoadStats stats,
    CpuWindow.Use cpu,
    double meanMessageBytes) {

  double messagesPerSecond() {
    return stats.received / (double) seconds;
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  void print(PrintStream out) {
    LatencyHistogram h = stats.latency;
    double serverCpuSeconds = cpu.serverSeconds();
    double clientCpuSeconds = cpu.clientSeconds();
    double othersCpuSeconds = cpu.othersSeconds();
    double interrupts = cpu.machine().interrupts();
    out.printf(Locale.ROOT, "[%s] relayed %,d messages in %d s = %,.0f msg/s (%.1f MB/s), sent %,d%n", label,
        stats.received, seconds, messagesPerSecond(), stats.receivedBytes / 1e6 / seconds, stats.sent);
    out.printf(Locale.ROOT, "[%s] latency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f%n", label,
        ms(h.valueAt(0.5)), ms(h.valueAt(0.9)), ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), h.mean() / 1e6);
    out.printf(Locale.ROOT, "[%s] errors %d, login failures %d, disconnects %d, misrouted %d, malformed %d, server chatter %d (%d in the window), write-queue-full %d%n",
        label, stats.errors, loginFailures, stats.disconnects, stats.misrouted, stats.malformed, stats.chatter, stats.chatterInWindow, stats.writeQueueFull);
    if (!Double.isNaN(serverCpuSeconds)) {
      out.printf(Locale.ROOT, "[%s] server CPU %.1f s in the window (%.2f cores), %,.0f msg per server-CPU-second; client CPU %.1f s%n", label,
          serverCpuSeconds, serverCpuSeconds / seconds, stats.received / serverCpuSeconds, clientCpuSeconds);
    }
    out.printf(Locale.ROOT, "[%s] machine in the window: %.2f cores used by other programs, %.2f cores in interrupt handlers (network)%n",
        label, othersCpuSeconds / seconds, interrupts / seconds);
    out.printf(Locale.ROOT,
        "RESULT label=%s ok=true connections=%d pairs=%d seconds=%d rate_per_pair=%.3f window=%d ramp_s=%.1f login_failures=%d"
            + " received=%d sent=%d msg_per_s=%.0f mb_per_s=%.2f mean_msg_bytes=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f"
            + " errors=%d disconnects=%d misrouted=%d malformed=%d chatter_in_window=%d server_cpu_s=%.2f client_cpu_s=%.2f"
            + " other_cores=%.2f irq_cores=%.2f%n",
        label, connections, pairs, seconds, ratePerPair, window, rampSeconds, loginFailures, stats.received, stats.sent,
        messagesPerSecond(), stats.receivedBytes / 1e6 / seconds, meanMessageBytes, ms(h.valueAt(0.5)), ms(h.valueAt(0.9)),
        ms(h.valueAt(0.99)), ms(h.valueAt(0.999)), ms(h.max()), stats.errors, stats.disconnects, stats.misrouted,
        stats.malformed, stats.chatterInWindow, serverCpuSeconds, clientCpuSeconds, othersCpuSeconds / seconds,
        interrupts / seconds);
  }
}
