package dev.junction.bench;

/**
 * Traffic counters of one event loop (no locking: only its thread writes them); {@link #add}
 * merges the copies afterwards. Messages and latencies count only if received inside the
 * measurement window. Shared by the signaling relay and the rooms generators.
 */
public final class LoadStats {

  public final LatencyHistogram latency = new LatencyHistogram();
  public long received;
  public long receivedBytes;
  public long sent;
  public long sentBytes;
  public long misrouted;
  public long malformed;
  public long chatter;
  public long chatterInWindow;
  public long errors;
  public long disconnects;
  public long writeQueueFull;

  public void add(LoadStats o) {
    latency.add(o.latency);
    received += o.received;
    receivedBytes += o.receivedBytes;
    sent += o.sent;
    sentBytes += o.sentBytes;
    misrouted += o.misrouted;
    malformed += o.malformed;
    chatter += o.chatter;
    chatterInWindow += o.chatterInWindow;
    errors += o.errors;
    disconnects += o.disconnects;
    writeQueueFull += o.writeQueueFull;
  }

  public LoadStats copy() {
    LoadStats c = new LoadStats();
    c.add(this);
    return c;
  }
}
