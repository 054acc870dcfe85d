package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsTileTheRangeWithoutGapsOrOverlap() {
    assertThat(LatencyHistogram.lowerBound(0)).isZero();
    for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
      assertThat(LatencyHistogram.lowerBound(i)).isEqualTo(LatencyHistogram.upperBound(i - 1) + 1);
    }
    assertThat(LatencyHistogram.upperBound(LatencyHistogram.BUCKETS - 1)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void everyValueLandsInTheBucketThatContainsIt() {
    SplittableRandom rnd = new SplittableRandom(1);
    long[] edges = {0, 1, 127, 128, 129, 255, 256, 1_000_000, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    for (long v : edges) assertContains(v);
    for (int n = 0; n < 100_000; n++) assertContains(rnd.nextLong(0, Long.MAX_VALUE) >>> rnd.nextInt(63));
  }

  private static void assertContains(long v) {
    int i = LatencyHistogram.index(v);
    assertThat(v).isBetween(LatencyHistogram.lowerBound(i), LatencyHistogram.upperBound(i));
  }

  @Test
  void bucketWidthIsWithinOnePointSixPercent() {
    for (int i = 128; i < LatencyHistogram.BUCKETS - 1; i++) {
      long lo = LatencyHistogram.lowerBound(i);
      long width = LatencyHistogram.upperBound(i) - lo + 1;
      assertThat((double) width / lo).isLessThanOrEqualTo(1.0 / 64);
    }
  }

  @Test
  void quantilesMatchSortedValuesWithinBucketError() {
    SplittableRandom rnd = new SplittableRandom(42);
    int n = 200_001;
    long[] values = new long[n];
    LatencyHistogram h = new LatencyHistogram();
    for (int k = 0; k < n; k++) {
      // log-normal-ish latencies between ~10 us and ~1 s
      long v = (long) Math.exp(rnd.nextDouble(Math.log(10_000), Math.log(1_000_000_000)));
      values[k] = v;
      h.record(v);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999, 1.0}) {
      long exact = values[(int) Math.ceil(q * n) - 1];
      long got = h.valueAt(q);
      assertThat(got).as("q=%s", q).isGreaterThanOrEqualTo(exact);
      assertThat((double) got).as("q=%s", q).isLessThanOrEqualTo(exact * (1 + 1.0 / 64));
    }
    assertThat(h.count()).isEqualTo(n);
    assertThat(h.min()).isEqualTo(values[0]);
    assertThat(h.max()).isEqualTo(values[n - 1]);
    assertThat(h.valueAt(1.0)).isEqualTo(values[n - 1]);
  }

  @Test
  void smallValuesAreExactAndMergeAddsCounts() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    for (int v = 1; v <= 50; v++) a.record(v);
    for (int v = 51; v <= 100; v++) b.record(v);
    a.add(b);
    assertThat(a.count()).isEqualTo(100);
    assertThat(a.valueAt(0.5)).isEqualTo(50);
    assertThat(a.valueAt(0.99)).isEqualTo(99);
    assertThat(a.valueAt(1.0)).isEqualTo(100);
    assertThat(a.mean()).isEqualTo(50.5);
  }

  @Test
  void emptyHistogramReportsZero() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.valueAt(0.99)).isZero();
    assertThat(h.max()).isZero();
  }
}
