package dev.junction.bench.rooms;

import dev.junction.bench.LatencyHistogram;

/**
 * Counters of one event loop (only its thread writes them); {@link #add} merges the copies
 * afterwards. Deliveries count only when received inside the measurement window.
 */
final class RoomStats {

  final LatencyHistogram joinLatency = new LatencyHistogram();
  final LatencyHistogram latency = new LatencyHistogram();
  long joined;
  long sent;
  long delivered;
  long deliveredBytes;
  long malformed;
  long errors;
  long disconnects;

  void add(RoomStats o) {
    joinLatency.add(o.joinLatency);
    latency.add(o.latency);
    joined += o.joined;
    sent += o.sent;
    delivered += o.delivered;
    deliveredBytes += o.deliveredBytes;
    malformed += o.malformed;
    errors += o.errors;
    disconnects += o.disconnects;
  }

  RoomStats copy() {
    RoomStats c = new RoomStats();
    c.add(this);
    return c;
  }
}
