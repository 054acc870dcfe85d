package dev.junction.bench.rooms;

import dev.junction.bench.Args;
import java.util.Set;

/** What one {@link RoomLoad} run does; see its class comment for the options. */
record RoomOptions(
    String url,
    RoomDialect dialect,
    String scenario,
    int rooms,
    int roomSize,
    int window,
    int paddingBytes,
    int seconds,
    int warmup,
    int rampConcurrency,
    int rampTimeout,
    int eventLoops,
    long serverPid,
    double clkTck,
    String label) {

  static final Set<String> KEYS = Set.of("url", "dialect", "scenario", "rooms", "room-size", "window", "padding-bytes",
      "seconds", "warmup", "ramp-concurrency", "ramp-timeout", "event-loops", "server-pid", "clk-tck", "label");

  RoomOptions {
    if (!scenario.equals("joins") && !scenario.equals("fanout")) {
      throw new IllegalArgumentException("--scenario must be joins or fanout, not " + scenario);
    }
    if (rooms < 1) throw new IllegalArgumentException("--rooms must be >= 1");
    if (roomSize < 2) throw new IllegalArgumentException("--room-size must be >= 2 (a sender and a receiver)");
    if (window < 1) throw new IllegalArgumentException("--window must be >= 1");
    if (paddingBytes < 0 || paddingBytes > 60_000) throw new IllegalArgumentException("--padding-bytes must be 0..60000");
    if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("--seconds must be 1..3600");
    if (warmup < 0 || warmup > 600) throw new IllegalArgumentException("--warmup must be 0..600");
    if (rampConcurrency < 1) throw new IllegalArgumentException("--ramp-concurrency must be >= 1");
    if (rampTimeout < 1 || rampTimeout > 3600) throw new IllegalArgumentException("--ramp-timeout must be 1..3600");
    if (eventLoops < 1) throw new IllegalArgumentException("--event-loops must be >= 1");
  }

  int clients() {
    return rooms * roomSize;
  }

  static RoomOptions parse(String[] argv) {
    Args a = new Args(argv, KEYS);
    return new RoomOptions(
        a.required("url"),
        RoomDialect.parse(a.required("dialect")),
        a.required("scenario"),
        a.integer("rooms", 100),
        a.integer("room-size", 6),
        a.integer("window", 16),
        a.integer("padding-bytes", 200),
        a.integer("seconds", 20),
        a.integer("warmup", 10),
        a.integer("ramp-concurrency", 64),
        a.integer("ramp-timeout", 300),
        a.integer("event-loops", 2),
        a.integer("server-pid", -1),
        a.decimal("clk-tck", 100),
        a.string("label", "target"));
  }
}
