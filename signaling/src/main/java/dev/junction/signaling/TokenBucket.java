package dev.junction.signaling;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens and refills at {@code perSecond} tokens a
 * second. Taking more tokens than the bucket holds fails and takes nothing.
 *
 * <p>Not thread-safe: each instance belongs to one connection and is used on that connection's
 * event loop only.
 */
public final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long capacity;
  private final long perSecond;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  /**
   * @param perSecond refill rate, > 0
   * @param capacity burst size, > 0; the bucket starts full
   * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  public TokenBucket(long perSecond, long capacity, LongSupplier nanoClock) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be > 0, got " + perSecond);
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
    }
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes {@code count} tokens if the bucket holds that many; returns whether it did. */
  public boolean tryTake(long count) {
    refill();
    if (count > tokens) {
      return false;
    }
    tokens -= count;
    return true;
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    long elapsed = now - lastRefill;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
      lastRefill = now;
    }
  }
}
