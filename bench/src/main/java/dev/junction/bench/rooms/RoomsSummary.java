package dev.junction.bench.rooms;

import dev.junction.bench.Args;
import dev.junction.bench.KeyValues;
import dev.junction.bench.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what bench/run-rooms.sh saved and prints, per comparison (native, apprtc) and scenario
 * (joins, rejoins, fanout) that was run, one row per round and server, then the means over the
 * rounds that completed and Junction's ratios to the peer, with issue 5's goal (at least 2x the
 * peer's throughput).
 * {@code java -cp ... dev.junction.bench.rooms.RoomsSummary --dir bench/target/run-rooms}
 *
 * <p>Files read: {@code params.txt} ({@code rounds}, {@code comparisons} and {@code scenarios}
 * (space-separated; without {@code scenarios}, every scenario), {@code room_size.<comparison>},
 * {@code peer.<comparison>}: the peer's name, {@link #DEFAULT_PEER} when absent,
 * {@code first.<round>}: the server that ran first in that round)
 * and per run {@code <comparison>-<scenario>-r<round>-<server>.txt}, the output of
 * {@link RoomLoad} whose last {@code RESULT} line counts; a missing file or line is "no result".
 */
public final class RoomsSummary {

  static final String JUNCTION = "junction";
  static final String NODE = "node";
  /** The peer of results saved before each comparison named its own (rooms.js ran both). */
  static final String DEFAULT_PEER = "node-rooms";
  static final double GOAL = 2.0;
  /** What a scenario's rows show: the rate, what it counts, and what went wrong. */
  record Measure(String rateKey, String rateName, String countKey, List<String> problemKeys) {

    static Measure of(String scenario) {
      return switch (scenario) {
        case "joins" -> new Measure("joins_per_s", "joins/s", "joined", List.of("failed", "errors"));
        case "rejoins" -> new Measure("joins_per_s", "joins/s", "joined",
            List.of("join_failures", "errors", "disconnects", "stalled"));
        case "fanout" -> new Measure("msg_per_s", "msg/s", "delivered",
            List.of("join_failures", "errors", "disconnects", "malformed", "misrouted"));
        default -> throw new IllegalArgumentException("no such scenario: " + scenario + ", only " + RoomOptions.SCENARIOS);
      };
    }
  }

  /** One run's result, or null when it has none. */
  record Run(int round, String server, ResultLine result) {

    boolean ok() {
      return result != null && result.ok();
    }
  }

  private final Path dir;
  private final KeyValues params;
  private final StringBuilder out = new StringBuilder();

  RoomsSummary(Path dir) throws IOException {
    this.dir = dir;
    this.params = KeyValues.read(dir.resolve("params.txt"));
  }

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv, Set.of("dir"));
    System.out.print(new RoomsSummary(Path.of(a.string("dir", "bench/target/run-rooms"))).render());
  }

  String render() throws IOException {
    int rounds = (int) params.number("rounds").orElse(0);
    String comparisons = params.string("comparisons") == null ? "" : params.string("comparisons");
    List<String> scenarios = params.string("scenarios") == null ? RoomOptions.SCENARIOS : words(params.string("scenarios"));
    line("cores = the server's CPU in the window; per cpu-s = joins or messages per server CPU-second;");
    line("others = cores other programs took in the window (high: a starved run, distrust it); irq = interrupt handlers");
    List<String> headlines = new ArrayList<>();
    for (String comparison : words(comparisons)) {
      for (String scenario : scenarios) headlines.add(section(comparison, scenario, rounds));
    }
    line("");
    headlines.forEach(h -> line("%s", h));
    return out.toString();
  }

  /** Prints one comparison's scenario and returns its headline. */
  String section(String comparison, String scenario, int rounds) throws IOException {
    Measure m = Measure.of(scenario);
    String peer = Objects.requireNonNullElse(params.string("peer." + comparison), DEFAULT_PEER);
    line("");
    line("%s %s, rooms of %s: junction vs %s, %d round(s)", comparison, scenario,
        Objects.requireNonNullElse(params.string("room_size." + comparison), "?"), peer, rounds);
    line("  %-5s %-9s %10s %9s %9s %6s %10s %6s %5s %s", "round", "server", m.rateName(), "p50 ms", "p99 ms", "cores",
        "per cpu-s", "others", "irq", "problems");
    List<Run> runs = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      String first = JUNCTION.equals(params.string("first." + r)) ? JUNCTION : NODE;
      for (String server : first.equals(JUNCTION) ? List.of(JUNCTION, NODE) : List.of(NODE, JUNCTION)) {
        Run run = new Run(r, server, read(comparison, scenario, r, server));
        runs.add(run);
        line("  %s", row(run, m));
      }
    }
    double jRate = mean(runs, JUNCTION, m.rateKey());
    double nRate = mean(runs, NODE, m.rateKey());
    double jP99 = mean(runs, JUNCTION, "p99_ms");
    double nP99 = mean(runs, NODE, "p99_ms");
    double rate = Stats.ratio(jRate, nRate);
    String headline = String.format(Locale.ROOT,
        "%s %s: junction %s %s p99 %s ms | %s %s %s p99 %s ms | throughput %s, p99 %s of the peer; goal >= %.0fx: %s",
        comparison, scenario, Stats.compact(jRate), m.rateName(), decimal(jP99), peer, Stats.compact(nRate),
        m.rateName(), decimal(nP99), Stats.times(rate), Stats.times(Stats.ratio(jP99, nP99)), GOAL, goal(rate));
    line("  mean: %s", headline);
    return headline;
  }

  private static List<String> words(String spaceSeparated) {
    return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split(" +"));
  }

  private ResultLine read(String comparison, String scenario, int round, String server) throws IOException {
    Path file = dir.resolve(comparison + "-" + scenario + "-r" + round + "-" + server + ".txt");
    return Files.exists(file) ? ResultLine.lastIn(Files.readString(file)) : null;
  }

  static String row(Run run, Measure m) {
    String head = String.format(Locale.ROOT, "%-5d %-9s", run.round(), run.server());
    if (!run.ok()) {
      String reason = run.result() == null ? "no RESULT line" : run.result().string("reason");
      return head + " no result (" + reason + ")";
    }
    ResultLine r = run.result();
    double seconds = r.number("seconds");
    double cpu = r.number("server_cpu_s");
    long problems = 0;
    for (String key : m.problemKeys()) problems += (long) (Double.isFinite(r.number(key)) ? r.number(key) : 0);
    return head + String.format(Locale.ROOT, " %10s %9s %9s %6s %10s %6s %5s %d", Stats.compact(r.number(m.rateKey())),
        decimal(r.number("p50_ms")), decimal(r.number("p99_ms")), decimal(cpu / seconds),
        Stats.compact(r.number(m.countKey()) / cpu), decimal(r.number("other_cores")), decimal(r.number("irq_cores")),
        problems);
  }

  /** Mean of {@code key} over {@code server}'s completed runs; NaN when none completed. */
  static double mean(List<Run> runs, String server, String key) {
    List<Double> values = new ArrayList<>();
    for (Run run : runs) if (run.server().equals(server) && run.ok()) values.add(run.result().number(key));
    return Stats.mean(values);
  }

  /** Whether Junction's throughput is at least {@link #GOAL} times the peer's. */
  static String goal(double ratio) {
    if (!Double.isFinite(ratio)) return "n/a (a server has no completed run)";
    return ratio >= GOAL ? "MET" : "MISSED";
  }

  private static String decimal(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
