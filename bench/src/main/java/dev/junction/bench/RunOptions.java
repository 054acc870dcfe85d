package dev.junction.bench;

import java.util.HashSet;
import java.util.Set;

/**
 * The options every WebSocket load generator shares: the target, the measured window, the window
 * of messages in flight, how fast clients are opened, the client's event loops, and whose CPU to
 * measure. Each generator adds its own on top ({@link LoadOptions}, the rooms' {@code RoomOptions}).
 */
public record RunOptions(
    String url,
    int seconds,
    int warmup,
    int window,
    int rampConcurrency,
    int rampTimeout,
    int eventLoops,
    long serverPid,
    double clkTck,
    String label) {

  /** The option names read by {@link #parse}. */
  public static final Set<String> KEYS = Set.of("url", "seconds", "warmup", "window", "ramp-concurrency",
      "ramp-timeout", "event-loops", "server-pid", "clk-tck", "label");

  public RunOptions {
    if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("--seconds must be 1..3600");
    if (warmup < 0 || warmup > 600) throw new IllegalArgumentException("--warmup must be 0..600");
    if (window < 1) throw new IllegalArgumentException("--window must be >= 1");
    if (rampConcurrency < 1) throw new IllegalArgumentException("--ramp-concurrency must be >= 1");
    if (rampTimeout < 1 || rampTimeout > 3600) throw new IllegalArgumentException("--ramp-timeout must be 1..3600");
    if (eventLoops < 1) throw new IllegalArgumentException("--event-loops must be >= 1");
  }

  /** The shared options of {@code a}; {@code defaultWindow} is the generator's own default. */
  public static RunOptions parse(Args a, int defaultWindow) {
    return new RunOptions(
        a.required("url"),
        a.integer("seconds", 20),
        a.integer("warmup", 10),
        a.integer("window", defaultWindow),
        a.integer("ramp-concurrency", 64),
        a.integer("ramp-timeout", 300),
        a.integer("event-loops", 2),
        a.integer("server-pid", -1),
        a.decimal("clk-tck", 100),
        a.string("label", "target"));
  }

  /** The CPU window over the server (when {@link #serverPid} is set), this process and the machine. */
  public CpuWindow cpuWindow() {
    return CpuWindow.start(serverPid, clkTck);
  }

  /** {@link #KEYS} and {@code more}. */
  public static Set<String> keysAnd(String... more) {
    HashSet<String> keys = new HashSet<>(KEYS);
    keys.addAll(Set.of(more));
    return Set.copyOf(keys);
  }
}
