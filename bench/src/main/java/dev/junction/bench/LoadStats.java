package dev.junction.bench;

/**
 * Counters of one event loop (no locking: only its thread writes them); {@link #add} merges the
 * copies afterwards. Messages and latencies count only if received inside the measurement window.
 */
final class LoadStats {

  final LatencyHistogram latency = new LatencyHistogram();
  long received;
  long receivedBytes;
  long sent;
  long sentBytes;
  long receivedOutsideWindow;
  long misrouted;
  long malformed;
  long chatter;
  long chatterInWindow;
  long errors;
  long disconnects;
  long writeQueueFull;

  void add(LoadStats o) {
    latency.add(o.latency);
    received += o.received;
    receivedBytes += o.receivedBytes;
    sent += o.sent;
    sentBytes += o.sentBytes;
    receivedOutsideWindow += o.receivedOutsideWindow;
    misrouted += o.misrouted;
    malformed += o.malformed;
    chatter += o.chatter;
    chatterInWindow += o.chatterInWindow;
    errors += o.errors;
    disconnects += o.disconnects;
    writeQueueFull += o.writeQueueFull;
  }

  LoadStats copy() {
    LoadStats c = new LoadStats();
    c.add(this);
    return c;
  }
}
