package dev.junction.turn;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Limits how many unauthenticated answers (401, 438) one source address gets per second, so a
 * request with a spoofed source cannot turn us into an amplifier aimed at its victim (a 401 with
 * REALM and NONCE is 2–3× the request). A fixed table of counters indexed by a hash of the
 * address: a flood from many sources costs no memory, at the price of sources sharing a slot now
 * and then (they share its budget; nobody is starved for more than a second).
 *
 * <p>Thread-safe (the table is guarded by its monitor; the critical section is a few loads).
 */
public final class SourceRateLimiter {

  private static final int SLOTS = 4096;

  private final int perSecond;
  private final LongSupplier clockMillis;
  private final long[] windowStart = new long[SLOTS];
  private final int[] used = new int[SLOTS];

  public SourceRateLimiter(int perSecond, LongSupplier clockMillis) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be > 0, got " + perSecond);
    }
    this.perSecond = perSecond;
    this.clockMillis = clockMillis;
    Arrays.fill(windowStart, clockMillis.getAsLong() - 1000);
  }

  /** Counts one answer to {@code source}; false when its budget for this second is spent. */
  public synchronized boolean tryAcquire(InetAddress source) {
    int slot = (Arrays.hashCode(source.getAddress()) & 0x7fffffff) % SLOTS;
    long now = clockMillis.getAsLong();
    if (now - windowStart[slot] >= 1000) {
      windowStart[slot] = now;
      used[slot] = 0;
    }
    if (used[slot] >= perSecond) {
      return false;
    }
    used[slot]++;
    return true;
  }
}
