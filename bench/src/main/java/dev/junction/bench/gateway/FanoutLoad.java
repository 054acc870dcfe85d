package dev.junction.bench.gateway;

import dev.junction.bench.Args;
import dev.junction.bench.MachineCpu;
import dev.junction.bench.ProcStat;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fan-out load on the camera gateway: viewers of one camera, added in steps (e.g. 100, 200, 300,
 * 500, 700), each step measured after its joins settle. A viewer does what a browser does on the
 * wire (REST session and answer, ICE, DTLS, SRTP, NACKs, consent checks) and decodes nothing.
 *
 * <pre>
 * java -cp bench/target/junction-bench.jar dev.junction.bench.gateway.FanoutLoad \
 *     --api http://127.0.0.1:PORT/api --camera ID --password PW [--user demo] \
 *     [--steps 100,200,300,500,700] [--settle 5] [--seconds 20] [--parallel 4] \
 *     [--event-loops 2] [--handshake-threads 2] [--receive-buffer 4194304] \
 *     [--server-pid PID] [--media-port PORT] [--clk-tck 100] [--stop-after-loss true] [--join-timeout 300]
 *     [--max-delay-ms 500]
 * </pre>
 *
 * Prints each step for people and as a {@code RESULT key=value ...} line, then a {@code SUMMARY}
 * line with the largest step that passed: no loss, and a p99 delay within {@code --max-delay-ms}
 * (a gateway short of CPU queues rather than drops, so its viewers fall behind live). The ramp
 * stops after the first step that fails, unless {@code --stop-after-loss false}. Loopback only;
 * every wait is bounded.
 */
public final class FanoutLoad {

  private static final Set<String> OPTIONS = Set.of("api", "camera", "user", "password", "steps", "settle",
      "seconds", "parallel", "event-loops", "handshake-threads", "receive-buffer", "server-pid", "clk-tck",
      "stop-after-loss", "join-timeout", "media-port", "max-delay-ms");

  private FanoutLoad() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv, OPTIONS);
    List<Integer> steps = Arrays.stream(args.string("steps", "100,200,300,500,700").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    int settle = args.integer("settle", 5);
    int seconds = args.integer("seconds", 20);
    long serverPid = Long.parseLong(args.string("server-pid", "0"));
    int clkTck = args.integer("clk-tck", 100);
    boolean stopAfterLoss = args.bool("stop-after-loss", true);
    Duration joinTimeout = Duration.ofSeconds(args.integer("join-timeout", 300));
    int parallel = args.integer("parallel", 4);
    long maxDelayNanos = args.integer("max-delay-ms", 500) * 1_000_000L;
    Set<Integer> mediaPort = Set.of(args.integer("media-port", 0));
    if (steps.isEmpty() || steps.stream().anyMatch(n -> n < 1 || n > 20_000) || seconds < 1 || seconds > 3600
        || settle < 0 || settle > 600) {
      throw new IllegalArgumentException("--steps are 1..20000 viewers, --seconds 1..3600, --settle 0..600");
    }

    XProtectClient api = new XProtectClient(args.required("api"));
    api.login(args.string("user", "demo"), args.required("password"));
    MachineCpu machine = new MachineCpu(clkTck);
    long self = ProcessHandle.current().pid();
    int best = 0;
    int bestLossless = 0;
    try (ViewerFleet fleet = new ViewerFleet(api.camera(args.required("camera")), args.integer("event-loops", 2),
        args.integer("handshake-threads", 2), args.integer("receive-buffer", 4 << 20))) {
      for (int target : steps) {
        FleetSample start = fleet.sample(false);
        long viewerDrops0 = UdpDrops.at(ports(start));
        long serverDrops0 = UdpDrops.at(mediaPort);
        long joinStart = System.nanoTime();
        int failed = fleet.grow(target, parallel, joinTimeout);
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        fleet.resetDelayBaselines();
        Thread.sleep(settle * 1000L);

        FleetSample windowStart = fleet.sample(true);
        ProcStat server0 = serverPid > 0 ? ProcStat.read(serverPid) : null;
        ProcStat self0 = ProcStat.read(self);
        MachineCpu.Sample machine0 = machine.sample();
        Thread.sleep(seconds * 1000L);
        FleetSample windowEnd = fleet.sample(true);
        ProcStat server1 = serverPid > 0 ? readOrNull(serverPid) : null;
        ProcStat self1 = ProcStat.read(self);
        MachineCpu.Sample machine1 = machine.sample();

        FanoutStep step = new FanoutStep(target, maxDelayNanos, failed, joinSeconds, windowEnd.since(start),
            windowEnd.since(windowStart), server1 == null ? Double.NaN : server1.secondsSince(server0, clkTck),
            self1.secondsSince(self0, clkTck), machine1.minus(machine0),
            UdpDrops.at(ports(windowEnd)) - viewerDrops0, UdpDrops.at(mediaPort) - serverDrops0);
        step.print(System.out);
        fleet.failures().stream().distinct().limit(5).forEach(f -> System.out.println("  join failure: " + f));
        if (serverPid > 0 && server1 == null) {
          System.out.println("!! the server process is gone");
          break;
        }
        if (step.lossless()) {
          bestLossless = target;
        }
        if (step.passed()) {
          best = target;
        } else if (stopAfterLoss) {
          break;
        }
      }
    }
    System.out.printf(Locale.ROOT, "SUMMARY largest_passed_step=%d largest_lossless_step=%d%n", best, bestLossless);
  }

  private static Set<Integer> ports(FleetSample sample) {
    Set<Integer> ports = new HashSet<>();
    sample.viewers().values().forEach(v -> ports.add(v.localPort()));
    return ports;
  }

  private static ProcStat readOrNull(long pid) {
    try {
      return ProcStat.read(pid);
    } catch (IOException e) {
      return null;
    }
  }
}
