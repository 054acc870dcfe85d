package dev.junction.bench;

import java.util.Set;

/** What one {@link SignalingLoad} run does; see its class comment for the options. */
record LoadOptions(
    String url,
    int connections,
    int seconds,
    int warmup,
    double ratePerPair,
    int window,
    int rampConcurrency,
    int rampTimeout,
    int eventLoops,
    int localAddresses,
    long serverPid,
    double clkTck,
    String label) {

  static final Set<String> KEYS = Set.of(
      "url", "connections", "seconds", "warmup", "rate-per-pair", "window", "ramp-concurrency",
      "ramp-timeout", "event-loops", "local-addresses", "server-pid", "clk-tck", "label");

  LoadOptions {
    if (connections < 2 || connections % 2 != 0) throw new IllegalArgumentException("--connections must be even and >= 2");
    if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("--seconds must be 1..3600");
    if (warmup < 0 || warmup > 600) throw new IllegalArgumentException("--warmup must be 0..600");
    if (window < 1) throw new IllegalArgumentException("--window must be >= 1");
    if (ratePerPair < 0) throw new IllegalArgumentException("--rate-per-pair must be >= 0");
    if (eventLoops < 1) throw new IllegalArgumentException("--event-loops must be >= 1");
    if (rampTimeout < 1 || rampTimeout > 3600) throw new IllegalArgumentException("--ramp-timeout must be 1..3600");
  }

  static LoadOptions parse(String[] argv) {
    Args a = new Args(argv, KEYS);
    return new LoadOptions(
        a.required("url"),
        a.integer("connections", 2000),
        a.integer("seconds", 20),
        a.integer("warmup", 10),
        a.decimal("rate-per-pair", 0),
        a.integer("window", 8),
        a.integer("ramp-concurrency", 64),
        a.integer("ramp-timeout", 300),
        a.integer("event-loops", 2),
        a.integer("local-addresses", 0),
        a.integer("server-pid", -1),
        a.decimal("clk-tck", 100),
        a.string("label", "target"));
  }
}
