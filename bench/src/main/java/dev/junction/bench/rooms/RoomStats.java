package dev.junction.bench.rooms;

import dev.junction.bench.LatencyHistogram;
import dev.junction.bench.LoadStats;

/**
 * Counters of one event loop (only its thread writes them): the traffic counters every load
 * generator keeps, the joins, and the rejoins of an open session (their failures count as
 * traffic errors). {@link #add} merges the copies afterwards.
 */
final class RoomStats {

  final LoadStats traffic = new LoadStats();
  final LatencyHistogram joinLatency = new LatencyHistogram();
  long joined;
  final LatencyHistogram rejoinLatency = new LatencyHistogram();
  long rejoined;
  /** Rejoins unanswered for a whole measured window when the load stopped. */
  long stalled;

  void add(RoomStats o) {
    traffic.add(o.traffic);
    joinLatency.add(o.joinLatency);
    joined += o.joined;
    rejoinLatency.add(o.rejoinLatency);
    rejoined += o.rejoined;
    stalled += o.stalled;
  }

  RoomStats copy() {
    RoomStats c = new RoomStats();
    c.add(this);
    return c;
  }
}
