package dev.junction.bench.rooms;

import dev.junction.bench.LatencyHistogram;
import dev.junction.bench.LoadStats;

/**
 * Counters of one event loop (only its thread writes them): the traffic counters every load
 * generator keeps, and the joins. {@link #add} merges the copies afterwards.
 */
final class RoomStats {

  final LoadStats traffic = new LoadStats();
  final LatencyHistogram joinLatency = new LatencyHistogram();
  long joined;

  void add(RoomStats o) {
    traffic.add(o.traffic);
    joinLatency.add(o.joinLatency);
    joined += o.joined;
  }

  RoomStats copy() {
    RoomStats c = new RoomStats();
    c.add(this);
    return c;
  }
}
