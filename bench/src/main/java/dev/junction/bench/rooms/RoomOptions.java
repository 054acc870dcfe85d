package dev.junction.bench.rooms;

import dev.junction.bench.Args;
import dev.junction.bench.RunOptions;
import java.util.List;
import java.util.Set;

/** What one {@link RoomLoad} run does; see its class comment for the options. */
record RoomOptions(
    RunOptions run,
    RoomDialect dialect,
    String scenario,
    int rooms,
    int roomSize,
    int paddingBytes,
    int joinWarmup) {

  /** The scenarios, in the order the script runs them. */
  static final List<String> SCENARIOS = List.of("joins", "rejoins", "fanout");
  static final Set<String> KEYS = RunOptions.keysAnd("dialect", "scenario", "rooms", "room-size", "padding-bytes",
      "join-warmup");

  RoomOptions {
    if (!SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException("--scenario must be joins, rejoins or fanout, not " + scenario);
    }
    if (rooms < 1) throw new IllegalArgumentException("--rooms must be >= 1");
    if (roomSize < 2) throw new IllegalArgumentException("--room-size must be >= 2 (a sender and a receiver)");
    if (dialect == RoomDialect.APPRTC && roomSize != 2) {
      throw new IllegalArgumentException("--room-size must be 2 for apprtc: AppRTC rooms hold two clients");
    }
    String scheme = dialect == RoomDialect.APPRTC ? "http://" : "ws://";
    if (!run.url().startsWith(scheme)) {
      throw new IllegalArgumentException("--url for " + dialect + " must start with " + scheme + ", not " + run.url());
    }
    if (paddingBytes < 0 || paddingBytes > 60_000) throw new IllegalArgumentException("--padding-bytes must be 0..60000");
    if (joinWarmup < 0 || joinWarmup > 50) throw new IllegalArgumentException("--join-warmup must be 0..50 ramps");
  }

  int clients() {
    return rooms * roomSize;
  }

  static RoomOptions parse(String[] argv) {
    Args a = new Args(argv, KEYS);
    return new RoomOptions(
        RunOptions.parse(a, 16),
        RoomDialect.parse(a.required("dialect")),
        a.required("scenario"),
        a.integer("rooms", 100),
        a.integer("room-size", 6),
        a.integer("padding-bytes", 200),
        a.integer("join-warmup", 1));
  }
}
