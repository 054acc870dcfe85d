package dev.junction.bench.turn;

import dev.junction.bench.KeyValues;
import dev.junction.bench.ProcStat;
import dev.junction.bench.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads what bench/run-turn.sh saved in its output directory and prints one table with both
 * servers, every round, the means and the ratios (Junction / coturn), and whether each goal was
 * met. {@code java -cp ... dev.junction.bench.turn.TurnSummary --dir bench/target/run-turn}
 *
 * <p>Files read (missing ones are shown as n/a): {@code params.txt}; per round r and server s
 * {@code relay-r<r>-<s>.log} (the client's output, time-stamped), {@code relay-r<r>-<s>.txt}
 * ({@code stat.before/after}: /proc/PID/stat lines; {@code drops.*}), {@code saturate-r<r>-<s>.txt}
 * ({@link SaturatingRun}), {@code binding-r<r>-<s>.txt}; per server {@code hold-<s>.txt}.
 *
 * <p>The relay goal is judged on the saturating runs: turnutils_uclient sets its own pace, so
 * through both servers it relays the same rate and only the CPU per message compares; RelayLoad
 * sends as fast as the server echoes, so there the rate is the server's own. Both show on the
 * goal's line.
 */
public final class TurnSummary {

  static final String JUNCTION = "junction";
  static final String COTURN = "coturn";
  static final String[] SERVERS = {JUNCTION, COTURN};
  /** A pinned server busy less than this share of its core was not what limited the rate. */
  static final double SATURATED_CORES = 0.9;

  /**
   * Junction / coturn over one relay section's means, whether every run of it lost nothing, and
   * what the goal's line should add.
   */
  record Ratios(double rate, double cpu, boolean lossless, String caveat) {}

  /** One server's relay round. */
  record Relay(UclientRun run, double cpuSeconds, double systemShare, long serverDrops, long peerDrops,
      boolean lossless, String problem) {

    double cpuPer100k() {
      return run == null ? Double.NaN : cpuSeconds * 100_000 / run.received();
    }

    double rate() {
      return run == null ? Double.NaN : run.rate();
    }
  }

  private final Path dir;
  private final KeyValues params;
  private final int clkTck;
  private final StringBuilder out = new StringBuilder();

  TurnSummary(Path dir) throws IOException {
    this.dir = dir;
    this.params = KeyValues.read(dir.resolve("params.txt"));
    this.clkTck = (int) params.number("clk_tck").orElse(100);
  }

  public static void main(String[] args) throws Exception {
    CliOptions options = new CliOptions(args);
    Path dir = Path.of(options.string("dir", "bench/target/run-turn"));
    options.rejectUnknown();
    String text = new TurnSummary(dir).render();
    System.out.print(text);
  }

  Relay relay(int round, String server) throws IOException {
    Path log = dir.resolve("relay-r" + round + "-" + server + ".log");
    KeyValues kv = KeyValues.read(dir.resolve("relay-r" + round + "-" + server + ".txt"));
    if (!Files.exists(log)) {
      return new Relay(null, Double.NaN, Double.NaN, -1, -1, false, "no run");
    }
    UclientRun run;
    try {
      run = UclientRun.parse(Files.readString(log));
    } catch (IllegalArgumentException e) {
      return new Relay(null, Double.NaN, Double.NaN, -1, -1, false, e.getMessage());
    }
    double cpu = Double.NaN;
    double systemShare = Double.NaN;
    if (kv.string("stat.before") != null && kv.string("stat.after") != null) {
      ProcStat before = ProcStat.parse(kv.string("stat.before"));
      ProcStat after = ProcStat.parse(kv.string("stat.after"));
      cpu = after.secondsSince(before, clkTck);
      long total = after.totalTicks() - before.totalTicks();
      systemShare = total > 0 ? (double) (after.systemTicks() - before.systemTicks()) / total : Double.NaN;
    }
    long expected = (long) params.number("uc.clients").orElse(-1) * (long) params.number("uc.messages").orElse(-1);
    boolean lossless = run.lossless(expected);
    return new Relay(run, cpu, systemShare, delta(kv, "drops.server"), delta(kv, "drops.peer"), lossless,
        lossless ? null : String.format(Locale.ROOT, "sent %d of %d, received %d, lost %d", run.sent(), expected,
            run.received(), run.lost()));
  }

  private static long delta(KeyValues kv, String name) {
    OptionalDouble before = kv.number(name + ".before");
    OptionalDouble after = kv.number(name + ".after");
    return before.isPresent() && after.isPresent() ? (long) (after.getAsDouble() - before.getAsDouble()) : -1;
  }

  String render() throws IOException {
    int rounds = (int) params.number("rounds").orElse(0);
    line("STUN/TURN benchmark: Junction vs coturn %s on loopback, %s cores; %d round(s), order alternating",
        params.string("coturn.version") == null ? "" : params.string("coturn.version"),
        params.string("cores") == null ? "?" : params.string("cores"), rounds);
    line("");
    Ratios paced = relaySection(rounds);
    Ratios saturating = saturateSection(rounds);
    String bindingGoal = bindingSection(rounds);
    String holdGoal = holdSection();
    line("Goals");
    line("  relay throughput >= 1.2x coturn at no more CPU per message: %s", relayGoal(paced, saturating));
    line("  STUN Binding rate >= 1.0x coturn: %s", bindingGoal);
    line("  %s allocations held with < 512 MiB heap: %s", params.string("hold.count"), holdGoal);
    line("");
    headlines.forEach(h -> line("%s", h));
    return out.toString();
  }

  private final List<String> headlines = new ArrayList<>();

  /**
   * Met on the saturating runs' ratios, with no message lost in any relay run; the uclient runs'
   * (paced) ratios and CPU verdict shown beside.
   */
  private static String relayGoal(Ratios paced, Ratios saturating) {
    String pacedText = !Double.isFinite(paced.cpu()) ? "uclient-paced: n/a (a run is missing)"
        : String.format(Locale.ROOT, "uclient-paced: throughput %s, CPU per message %s, %s%s", Stats.times(paced.rate()),
            Stats.times(paced.cpu()), paced.cpu() <= 1.0 ? "no more CPU" : "MORE CPU", paced.caveat());
    if (!Double.isFinite(saturating.rate()) || !Double.isFinite(saturating.cpu())) {
      return "n/a (a saturating run is missing; " + pacedText + ")";
    }
    boolean pacedLoss = Double.isFinite(paced.cpu()) && !paced.lossless(); // runs without the paced phase judge none
    boolean met = saturating.rate() >= 1.2 && saturating.cpu() <= 1.0 && saturating.lossless() && !pacedLoss;
    return String.format(Locale.ROOT, "%s (saturating: throughput %s, CPU per message %s%s; %s)", met ? "MET" : "MISSED",
        Stats.times(saturating.rate()), Stats.times(saturating.cpu()), saturating.caveat(), pacedText);
  }

  private Ratios relaySection(int rounds) throws IOException {
    line("Relay: turnutils_uclient -m %s -n %s -l %s -z %s -c (UDP, channels) to turnutils_peer; msg = one echoed message = 2 relayed datagrams",
        params.string("uc.clients"), params.string("uc.messages"), params.string("uc.length"), params.string("uc.interval"));
    line("  %-6s %-9s | %-10s %-9s %-5s %-9s | %-10s %-9s %-5s %-9s", "round", "first", "junction", "CPU/100k", "loss",
        "drops s/p", "coturn", "CPU/100k", "loss", "drops s/p");
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpus = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> sys = List.of(new ArrayList<>(), new ArrayList<>());
    List<String> problems = new ArrayList<>();
    boolean allLossless = rounds > 0;
    for (int r = 1; r <= rounds; r++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6d %-9s", r,
          params.string("round." + r + ".first") == null ? "?" : params.string("round." + r + ".first")));
      for (int s = 0; s < 2; s++) {
        Relay relay = relay(r, SERVERS[s]);
        rates.get(s).add(relay.rate());
        cpus.get(s).add(relay.cpuPer100k());
        sys.get(s).add(relay.systemShare());
        allLossless &= relay.lossless();
        if (relay.problem() != null) {
          problems.add("round " + r + " " + SERVERS[s] + ": " + relay.problem());
        }
        row.append(String.format(Locale.ROOT, " | %-10s %-9s %-5s %-9s", Stats.compact(relay.rate()) + "/s",
            Stats.seconds(relay.cpuPer100k()), relay.run() == null ? "n/a" : Long.toString(relay.run().lost()),
            relay.serverDrops() + "/" + relay.peerDrops()));
      }
      line("%s", row);
    }
    double[] rate = {Stats.mean(rates.get(0)), Stats.mean(rates.get(1))};
    double[] cpu = {Stats.mean(cpus.get(0)), Stats.mean(cpus.get(1))};
    line("  %-16s | %-10s %-9s %-15s | %-10s %-9s", "mean", Stats.compact(rate[0]) + "/s", Stats.seconds(cpu[0]), "",
        Stats.compact(rate[1]) + "/s", Stats.seconds(cpu[1]));
    double rateRatio = Stats.ratio(rate[0], rate[1]);
    double cpuRatio = Stats.ratio(cpu[0], cpu[1]);
    line("  junction/coturn: throughput %s, CPU per message %s (below 1 is better)", Stats.times(rateRatio),
        Stats.times(cpuRatio));
    line("  messages per server CPU-second (what one core could relay if the server were alone on it): %s vs %s: %s",
        Stats.compact(100_000 / cpu[0]), Stats.compact(100_000 / cpu[1]), Stats.times(Stats.ratio(cpu[1], cpu[0])));
    line("  kernel (system) share of server CPU: junction %s, coturn %s (split sampled per tick; the total is exact)",
        percent(Stats.mean(sys.get(0))), percent(Stats.mean(sys.get(1))));
    line("  drops s/p: datagrams dropped (receive buffer full) at the server's listener socket / the echo peer's socket");
    line("  zero loss in every run: %s", allLossless ? "yes" : "NO");
    problems.forEach(p -> line("    %s", p));
    line("");
    headlines.add(String.format(Locale.ROOT, "junction-turn relayed %s msg/s, coturn %s msg/s: %s; CPU per 100k: %s vs %s",
        Stats.compact(rate[0]), Stats.compact(rate[1]), Stats.times(rateRatio), Stats.seconds(cpu[0]),
        Stats.seconds(cpu[1])));
    return new Ratios(rateRatio, cpuRatio, allLossless, allLossless ? "" : ", with loss");
  }

  private Ratios saturateSection(int rounds) throws IOException {
    boolean pinned = "1".equals(params.string("sat.pin"));
    line("Relay, saturating closed loop: RelayLoad, %s clients x %s in flight x %s bytes (channels) to its own echo peer, "
        + "%s s measured after %s s warmup; %s", params.string("sat.clients"), params.string("sat.window"),
        params.string("sat.length"), params.string("sat.seconds"), params.string("sat.warmup"),
        pinned ? "server on CPU 0, generator on CPU 1" : "nothing pinned");
    line("  %-6s %-9s | %-10s %-9s %-5s %-4s %-5s %-4s | %-10s %-9s %-5s %-4s %-5s %-4s", "round", "first", "junction",
        "CPU/100k", "cores", "user", "lost", "gen", "coturn", "CPU/100k", "cores", "user", "lost", "gen");
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpus = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cores = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> users = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> generators = List.of(new ArrayList<>(), new ArrayList<>());
    List<String> problems = new ArrayList<>();
    int runs = 0;
    int unsaturated = 0;
    boolean lossless = rounds > 0;
    for (int r = 1; r <= rounds; r++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6d %-9s", r,
          params.string("round." + r + ".first") == null ? "?" : params.string("round." + r + ".first")));
      for (int s = 0; s < 2; s++) {
        SaturatingRun run = SaturatingRun.read(dir.resolve("saturate-r" + r + "-" + SERVERS[s] + ".txt"));
        rates.get(s).add(run.rate());
        cpus.get(s).add(run.cpuPer100k());
        cores.get(s).add(run.serverCores());
        users.get(s).add(run.serverUserShare());
        generators.get(s).add(run.generatorCores());
        if (!run.present()) {
          problems.add("round " + r + " " + SERVERS[s] + ": no run");
        } else {
          runs++;
          unsaturated += run.serverCores() >= SATURATED_CORES ? 0 : 1;
          lossless &= run.lost() == 0;
          if (run.silentClients() > 0) {
            problems.add(String.format(Locale.ROOT, "round %d %s: %.0f of %s clients got no echo", r, SERVERS[s],
                run.silentClients(), params.string("sat.clients")));
          }
        }
        row.append(String.format(Locale.ROOT, " | %-10s %-9s %-5s %-4s %-5s %-4s", Stats.compact(run.rate()) + "/s",
            Stats.seconds(run.cpuPer100k()), fixed(run.serverCores()), percent(run.serverUserShare()),
            Double.isFinite(run.lost()) ? String.format(Locale.ROOT, "%.0f", run.lost()) : "n/a",
            fixed(run.generatorCores())));
      }
      line("%s", row);
    }
    double[] rate = {Stats.mean(rates.get(0)), Stats.mean(rates.get(1))};
    double[] cpu = {Stats.mean(cpus.get(0)), Stats.mean(cpus.get(1))};
    line("  %-16s | %-10s %-9s %-5s %-4s %-5s %-4s | %-10s %-9s %-5s %-4s %-5s %-4s", "mean",
        Stats.compact(rate[0]) + "/s", Stats.seconds(cpu[0]), fixed(Stats.mean(cores.get(0))),
        percent(Stats.mean(users.get(0))), "", fixed(Stats.mean(generators.get(0))), Stats.compact(rate[1]) + "/s",
        Stats.seconds(cpu[1]), fixed(Stats.mean(cores.get(1))), percent(Stats.mean(users.get(1))), "",
        fixed(Stats.mean(generators.get(1))));
    double rateRatio = Stats.ratio(rate[0], rate[1]);
    double cpuRatio = Stats.ratio(cpu[0], cpu[1]);
    line("  junction/coturn: throughput %s, CPU per message %s (below 1 is better)", Stats.times(rateRatio),
        Stats.times(cpuRatio));
    line("  cores: server CPU-seconds per second measured (1.00 = one core busy); user: its user-mode share; "
        + "gen: the generator's cores");
    String caveat = lossless ? "" : ", with loss";
    if (pinned && runs > 0) {
      line("  server busy >= %.2f cores in every run, so the server, not the generator, set the rate: %s",
          SATURATED_CORES, unsaturated == 0 ? "yes" : "NO, in " + unsaturated + " of " + runs);
      caveat += unsaturated == 0 ? "" : ", " + unsaturated + " run(s) with the server not saturated";
    }
    problems.forEach(p -> line("    %s", p));
    line("");
    headlines.add(String.format(Locale.ROOT,
        "saturating: junction-turn relayed %s msg/s, coturn %s msg/s: %s; CPU per 100k: %s vs %s", Stats.compact(rate[0]),
        Stats.compact(rate[1]), Stats.times(rateRatio), Stats.seconds(cpu[0]), Stats.seconds(cpu[1])));
    return new Ratios(rateRatio, cpuRatio, lossless, caveat);
  }

  private String bindingSection(int rounds) throws IOException {
    KeyValues first = KeyValues.read(dir.resolve("binding-r1-junction.txt"));
    line("STUN Binding: BindingLoad, %s sockets x %s outstanding requests, %s s measured after %s s warmup",
        first.string("binding.sockets"), first.string("binding.window"), params.string("binding.seconds"),
        params.string("binding.warmup"));
    line("  %-6s | %-12s %-9s %-8s | %-12s %-9s %-8s", "round", "junction", "CPU/100k", "timeouts", "coturn", "CPU/100k",
        "timeouts");
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpus = List.of(new ArrayList<>(), new ArrayList<>());
    boolean verified = true;
    for (int r = 1; r <= rounds; r++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6d", r));
      for (int s = 0; s < 2; s++) {
        KeyValues kv = KeyValues.read(dir.resolve("binding-r" + r + "-" + SERVERS[s] + ".txt"));
        double rate = kv.number("binding.rate").orElse(Double.NaN);
        double answers = kv.number("binding.answers").orElse(Double.NaN);
        double cpu = kv.number("binding.server_cpu_seconds").orElse(Double.NaN) * 100_000 / answers;
        verified &= kv.number("binding.verified_sockets").orElse(-1) == kv.number("binding.sockets").orElse(-2);
        rates.get(s).add(rate);
        cpus.get(s).add(cpu);
        row.append(String.format(Locale.ROOT, " | %-12s %-9s %-8s", Stats.compact(rate) + "/s", Stats.seconds(cpu),
            kv.string("binding.timeouts") == null ? "n/a" : kv.string("binding.timeouts")));
      }
      line("%s", row);
    }
    double[] rate = {Stats.mean(rates.get(0)), Stats.mean(rates.get(1))};
    double[] cpu = {Stats.mean(cpus.get(0)), Stats.mean(cpus.get(1))};
    line("  %-6s | %-12s %-9s %-8s | %-12s %-9s", "mean", Stats.compact(rate[0]) + "/s", Stats.seconds(cpu[0]), "",
        Stats.compact(rate[1]) + "/s", Stats.seconds(cpu[1]));
    double ratio = Stats.ratio(rate[0], rate[1]);
    line("  junction/coturn: answers per second %s, CPU per answer %s; every socket's first answer carried its own address: %s",
        Stats.times(ratio), Stats.times(Stats.ratio(cpu[0], cpu[1])), verified ? "yes" : "NO");
    line("");
    if (!Double.isFinite(ratio)) {
      return "n/a (a run is missing)";
    }
    return String.format(Locale.ROOT, "%s (%s)", ratio >= 1.0 && verified ? "MET" : "MISSED", Stats.times(ratio));
  }

  /**
   * One server's hold: what AllocationHold printed ({@code hold-<s>.txt}), the script's RSS readings
   * ({@code hold-<s>-rss.txt}: {@code rss.baseline_kib} before allocating, {@code rss.gc_kib}
   * after the full GC) and, for Junction, /metrics before allocating and after a full GC
   * ({@code hold-<s>-baseline.prom}, {@code hold-<s>-gc.prom}), both right after {@code jcmd GC.run}.
   */
  record Hold(KeyValues run, double baselineRssKib, double heldRssKib, double baselineHeap, double gcHeap) {

    double allocated() {
      return run.number("hold.allocated").orElse(Double.NaN);
    }

    double requested() {
      return run.number("hold.requested").orElse(Double.NaN);
    }

    /** Bytes per held allocation between two readings, or NaN. */
    double perAllocation(double held, double baseline) {
      double n = allocated();
      return Double.isFinite(held) && Double.isFinite(baseline) && n > 0 ? (held - baseline) / n : Double.NaN;
    }
  }

  Hold hold(String server) throws IOException {
    KeyValues run = KeyValues.read(dir.resolve("hold-" + server + ".txt"));
    KeyValues rss = KeyValues.read(dir.resolve("hold-" + server + "-rss.txt"));
    double held = rss.number("rss.gc_kib").orElse(run.number("hold.server_rss_kib").orElse(Double.NaN));
    return new Hold(run, rss.number("rss.baseline_kib").orElse(Double.NaN), held,
        heap(dir.resolve("hold-" + server + "-baseline.prom")), heap(dir.resolve("hold-" + server + "-gc.prom")));
  }

  private static double heap(Path metrics) throws IOException {
    if (!Files.exists(metrics)) {
      return Double.NaN;
    }
    return PrometheusText.sum(Files.readString(metrics), "jvm_memory_used_bytes", "area=\"heap\"").orElse(Double.NaN);
  }

  private String holdSection() throws IOException {
    Hold[] h = {hold(JUNCTION), hold(COTURN)};
    line("Allocations held: AllocationHold, %s UDP sockets on %s, REST credentials (401, then signed Allocate), %s in flight",
        params.string("hold.count"), params.string("hold.local_host"), params.string("hold.concurrency"));
    line("  %-32s | %-26s | %-26s", "", "junction (-Xmx" + params.string("junction.heap") + ")", "coturn");
    row2("allocated", h, x -> x.run().string("hold.allocated") == null ? "n/a (not run)"
        : x.run().string("hold.allocated") + " of " + x.run().string("hold.requested"));
    row2("failures", h, x -> x.run().string("hold.failures") == null ? "none" : x.run().string("hold.failures"));
    row2("allocations per second", h, x -> Stats.compact(x.run().number("hold.rate").orElse(Double.NaN)));
    row2("allocations (server's /metrics)", h, x -> x.run().string("hold.metrics_allocations") != null
        ? x.run().string("hold.metrics_allocations")
        : x.run().string("hold.metrics_allocations_created") != null
            ? "no gauge; made " + x.run().string("hold.metrics_allocations_created") : "n/a");
    row2("server sockets open", h, x -> x.run().string("hold.server_sockets") == null ? "n/a"
        : x.run().string("hold.server_sockets"));
    row2("heap used (/metrics, as found)", h, x -> Stats.mib(x.run().number("hold.heap_used_bytes").orElse(Double.NaN)));
    row2("heap used after full GC", h, x -> Stats.mib(x.gcHeap()));
    row2("  before allocating (after GC)", h, x -> Stats.mib(x.baselineHeap()));
    row2("RSS while holding", h, x -> Stats.mib(x.heldRssKib() * 1024));
    row2("  before allocating", h, x -> Stats.mib(x.baselineRssKib() * 1024));
    row2("heap per allocation (live)", h, x -> kib(x.perAllocation(x.gcHeap(), x.baselineHeap())));
    row2("RSS per allocation", h, x -> kib(x.perAllocation(x.heldRssKib() * 1024, x.baselineRssKib() * 1024)));
    line("");
    Hold j = h[0];
    double heap = Double.isFinite(j.gcHeap()) ? j.gcHeap() : j.run().number("hold.heap_used_bytes").orElse(Double.NaN);
    if (!Double.isFinite(j.allocated()) || !Double.isFinite(heap)) {
      return "n/a (the run is missing)";
    }
    boolean met = j.allocated() == j.requested() && heap < 512.0 * (1 << 20);
    return String.format(Locale.ROOT, "%s (%.0f of %.0f held by a JVM with -Xmx%s; live heap %s)", met ? "MET" : "MISSED",
        j.allocated(), j.requested(), params.string("junction.heap"), Stats.mib(heap));
  }

  private static String kib(double bytes) {
    return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%.2f KiB", bytes / 1024) : "n/a";
  }

  private void row2(String label, Hold[] holds, java.util.function.Function<Hold, String> cell) {
    line("  %-32s | %-26s | %-26s", label, cell.apply(holds[0]), cell.apply(holds[1]));
  }

  private static String fixed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
  }

  private static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "n/a";
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
