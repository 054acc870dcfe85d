package dev.junction.bench.rooms;

/**
 * The sender's window in a fan-out room: a message is in flight until every receiver has it.
 * Both servers deliver one sender's messages to each receiver in order, so a receiver's count of
 * deliveries says which messages it has, and the slowest receiver sets how many are in flight.
 */
final class FanoutWindow {

  private final int window;
  private final long[] delivered;
  private long sent;

  FanoutWindow(int receivers, int window) {
    if (receivers < 1) throw new IllegalArgumentException("a fan-out room needs a receiver");
    if (window < 1) throw new IllegalArgumentException("--window must be >= 1");
    this.window = window;
    this.delivered = new long[receivers];
  }

  boolean maySend() {
    return inFlight() < window;
  }

  void sent() {
    sent++;
  }

  /** Receiver {@code r} (0-based) got the next message. */
  void delivered(int r) {
    delivered[r]++;
  }

  long inFlight() {
    long slowest = Long.MAX_VALUE;
    for (long d : delivered) slowest = Math.min(slowest, d);
    return sent - slowest;
  }
}
