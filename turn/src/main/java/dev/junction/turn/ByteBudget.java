package dev.junction.turn;

/**
 * A per-second byte allowance for one direction of one allocation (RFC 8656 §17: UDP has no
 * congestion control, so traffic over the quota is discarded). A fixed one-second window: cheap
 * enough to run per packet. Confined to the allocation's event loop.
 */
final class ByteBudget {

  private final long bytesPerSecond;
  private long windowStartMillis = Long.MIN_VALUE / 2;
  private long used;

  ByteBudget(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Spends {@code bytes} if this second's allowance has room; returns whether it did. */
  boolean trySpend(int bytes, long nowMillis) {
    if (nowMillis - windowStartMillis >= 1000) {
      windowStartMillis = nowMillis;
      used = 0;
    }
    if (used + bytes > bytesPerSecond) {
      return false;
    }
    used += bytes;
    return true;
  }
}
