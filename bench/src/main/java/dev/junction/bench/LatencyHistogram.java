package dev.junction.bench;

import java.util.Arrays;

/**
 * A fixed-size log-linear histogram of non-negative long values (nanoseconds here).
 *
 * <p>Values below 128 get one bucket each. Above that, every power of two [2^k, 2^(k+1)) is split
 * into 64 equal buckets, so a bucket is at most 1/64 (1.6 %) of its lower bound wide. The whole
 * long range fits in 3,712 counters (29 KiB), recording is a few instructions and never allocates.
 * Not thread-safe: keep one per thread and {@link #add} them afterwards.
 */
public final class LatencyHistogram {

  private static final int LINEAR = 128; // exact buckets for 0..127
  private static final int SUB_BITS = 6; // 64 buckets per power of two above that
  private static final int SUB = 1 << SUB_BITS;
  private static final int FIRST_LOG_MSB = 7; // 2^7 = 128
  static final int BUCKETS = LINEAR + (63 - FIRST_LOG_MSB) * SUB;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private double sum;

  /** Records one value; negative values (clock skew cannot happen with nanoTime, but be safe) count as 0. */
  public void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    total++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }

  static int index(long v) {
    if (v < LINEAR) return (int) v;
    int msb = 63 - Long.numberOfLeadingZeros(v);
    int shift = msb - SUB_BITS; // v >>> shift lies in [64, 127]
    return LINEAR + (msb - FIRST_LOG_MSB) * SUB + (int) ((v >>> shift) - SUB);
  }

  /** Smallest value that maps to bucket {@code i}. */
  static long lowerBound(int i) {
    if (i < LINEAR) return i;
    int j = i - LINEAR;
    int msb = FIRST_LOG_MSB + j / SUB;
    int shift = msb - SUB_BITS;
    return ((long) (SUB + j % SUB)) << shift;
  }

  /** Largest value that maps to bucket {@code i}. */
  static long upperBound(int i) {
    return i == BUCKETS - 1 ? Long.MAX_VALUE : lowerBound(i + 1) - 1;
  }

  public void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
    total += other.total;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public long count() {
    return total;
  }

  public long min() {
    return total == 0 ? 0 : min;
  }

  public long max() {
    return total == 0 ? 0 : max;
  }

  public double mean() {
    return total == 0 ? 0 : sum / total;
  }

  /**
   * The value at quantile {@code q} (0 &lt; q &lt;= 1): the upper edge of the bucket holding the
   * value of rank ceil(q * count), clamped to the exact maximum, so the answer is never below the
   * true quantile and at most 1.6 % above it.
   */
  public long valueAt(double q) {
    if (total == 0) return 0;
    if (q <= 0) return min;
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) return Math.min(upperBound(i), max);
    }
    return max;
  }

  public void reset() {
    Arrays.fill(counts, 0);
    total = 0;
    sum = 0;
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
  }
}
