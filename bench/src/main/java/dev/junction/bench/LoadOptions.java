package dev.junction.bench;

import java.util.Set;

/** What one {@link SignalingLoad} run does; see its class comment for the options. */
record LoadOptions(RunOptions run, int connections, double ratePerPair, int localAddresses) {

  static final Set<String> KEYS = RunOptions.keysAnd("connections", "rate-per-pair", "local-addresses");

  LoadOptions {
    if (connections < 2 || connections % 2 != 0) throw new IllegalArgumentException("--connections must be even and >= 2");
    if (ratePerPair < 0) throw new IllegalArgumentException("--rate-per-pair must be >= 0");
  }

  static LoadOptions parse(String[] argv) {
    Args a = new Args(argv, KEYS);
    return new LoadOptions(
        RunOptions.parse(a, 8),
        a.integer("connections", 2000),
        a.decimal("rate-per-pair", 0),
        a.integer("local-addresses", 0));
  }
}
