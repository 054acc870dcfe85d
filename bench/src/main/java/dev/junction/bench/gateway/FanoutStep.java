package dev.junction.bench.gateway;

import dev.junction.bench.LatencyHistogram;
import dev.junction.bench.MachineCpu;
import java.io.PrintStream;
import java.util.Locale;
import java.util.LongSummaryStatistics;

/**
 * One step of the fan-out ramp: the viewers it added (the join), and a measured window after the
 * joins settled. Loss is judged over the whole step, joins included (a GOP burst that overflows a
 * socket is a loss a person would see); rates, delays and CPU over the window. A gateway that
 * cannot keep up does not lose packets at first: it queues them, so the viewers fall behind live.
 * A step therefore only passes when nothing was lost and the p99 delay stayed under a bound.
 *
 * @param maxDelayNanos the p99 delay above which viewers are falling behind, not just jittering
 * @param step from the step's start to the window's end
 * @param window the measured window
 * @param serverCpuSeconds the gateway process's CPU (user + system) in the window
 * @param generatorCpuSeconds this load generator's CPU in the window
 * @param machine the whole machine's CPU in the window
 * @param viewerSocketDrops datagrams the kernel dropped at the viewers' full sockets in the step
 * @param serverSocketDrops the same at the gateway's media port
 */
record FanoutStep(
    int target,
    long maxDelayNanos,
    int joinFailures,
    double joinSeconds,
    FleetSample.Interval step,
    FleetSample.Interval window,
    double serverCpuSeconds,
    double generatorCpuSeconds,
    MachineCpu.Sample machine,
    long viewerSocketDrops,
    long serverSocketDrops) {

  long connected() {
    return window.count(Viewer.State.CONNECTED);
  }

  /** No packet lost by any viewer in the step, and every viewer joined and stayed. */
  boolean lossless() {
    return joinFailures == 0 && connected() == target && step.sum(ViewerSample::lost) == 0;
  }

  /** Lossless, and the viewers kept up with live. */
  boolean passed() {
    return lossless() && window.delays().valueAt(0.99) <= maxDelayNanos;
  }

  void print(PrintStream out) {
    double seconds = window.seconds();
    long packets = window.sum(ViewerSample::packets);
    long retransmissions = window.sum(ViewerSample::retransmissions);
    LongSummaryStatistics perViewer = window.packetRates();
    LatencyHistogram delays = window.delays();
    double serverCores = serverCpuSeconds / seconds;
    double others = Math.max(0, machine.processes() - serverCpuSeconds - generatorCpuSeconds) / seconds;
    String label = "fanout-" + target;
    out.printf(Locale.ROOT, "[%s] joined %d of %d in %.1f s (%d failed); connected at the end %d%n", label,
        target - joinFailures, target, joinSeconds, joinFailures, connected());
    out.printf(Locale.ROOT, "[%s] step (joins included): lost %d, recovered by RTX %d, viewers with loss %d;"
            + " kernel drops at viewer sockets %d, at the media port %d%n", label,
        step.sum(ViewerSample::lost), step.sum(ViewerSample::recovered), step.viewersWithAny(ViewerSample::lost),
        viewerSocketDrops, serverSocketDrops);
    out.printf(Locale.ROOT, "[%s] window %.1f s: %,.0f pkt/s (%.0f Mbit/s) to %d viewers, per viewer %d..%d pkt/s;"
            + " lost %d, RTX %d, SRTP auth failures %d, other SRTP errors %d, SR/RTCP %d%n", label, seconds,
        packets / seconds, window.sum(ViewerSample::bytes) * 8 / seconds / 1e6, connected(),
        perViewer.getCount() == 0 ? 0 : perViewer.getMin(), perViewer.getCount() == 0 ? 0 : perViewer.getMax(),
        window.sum(ViewerSample::lost), retransmissions, window.sum(ViewerSample::authFailures),
        window.sum(ViewerSample::otherSrtpErrors), window.sum(ViewerSample::rtcp));
    out.printf(Locale.ROOT, "[%s] window: consent checks answered %d of %d, NACKs sent %d; step: SRTP dropped"
            + " before the keys %d, packets of an unknown SSRC %d%n", label, window.sum(ViewerSample::consentAnswers),
        window.sum(ViewerSample::consentChecks), window.sum(ViewerSample::nacksSent),
        step.sum(ViewerSample::earlyDropped), step.sum(ViewerSample::strayPackets));
    out.printf(Locale.ROOT, "[%s] delay above each viewer's best, ms: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        label, ms(delays.valueAt(0.5)), ms(delays.valueAt(0.99)), ms(delays.valueAt(0.999)), ms(delays.max()));
    out.printf(Locale.ROOT, "[%s] server %.2f cores = %.2f %% of a core per viewer, %.2f us per packet sent;"
            + " load generator %.2f cores; other programs %.2f cores, interrupts %.2f cores%n", label,
        serverCores, 100 * serverCores / Math.max(1, connected()), packets == 0 ? 0 : serverCpuSeconds * 1e6 / packets,
        generatorCpuSeconds / seconds, others, machine.interrupts() / seconds);
    out.printf(Locale.ROOT, "RESULT label=%s viewers=%d connected=%d join_failures=%d join_s=%.1f lossless=%s passed=%s"
            + " step_lost=%d step_recovered=%d step_viewers_with_loss=%d viewer_socket_drops=%d server_socket_drops=%d"
            + " seconds=%.1f pkt_per_s=%.0f mbit_per_s=%.1f viewer_pkt_per_s_min=%d viewer_pkt_per_s_max=%d"
            + " window_lost=%d rtx=%d auth_failures=%d delay_p50_ms=%.2f delay_p99_ms=%.2f delay_max_ms=%.2f"
            + " server_cores=%.3f server_core_pct_per_viewer=%.3f server_us_per_packet=%.2f client_cores=%.3f"
            + " other_cores=%.2f irq_cores=%.2f%n",
        label, target, connected(), joinFailures, joinSeconds, lossless(), passed(), step.sum(ViewerSample::lost),
        step.sum(ViewerSample::recovered), step.viewersWithAny(ViewerSample::lost), viewerSocketDrops,
        serverSocketDrops, seconds, packets / seconds, window.sum(ViewerSample::bytes) * 8 / seconds / 1e6,
        perViewer.getCount() == 0 ? 0 : perViewer.getMin(), perViewer.getCount() == 0 ? 0 : perViewer.getMax(),
        window.sum(ViewerSample::lost), retransmissions, window.sum(ViewerSample::authFailures),
        ms(delays.valueAt(0.5)), ms(delays.valueAt(0.99)), ms(delays.max()), serverCores,
        100 * serverCores / Math.max(1, connected()), packets == 0 ? 0 : serverCpuSeconds * 1e6 / packets,
        generatorCpuSeconds / seconds, others, machine.interrupts() / seconds);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
