package dev.junction.bench.gateway;

import java.util.Arrays;

/** Order statistics of a few measurements, by the nearest-rank method (no interpolation). */
final class Quantiles {

  private final double[] sorted;

  Quantiles(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** The smallest value at least a fraction {@code q} of the values are at or below: rank ceil(q n). */
  double at(double q) {
    if (q <= 0 || q > 1) {
      throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  double median() {
    return at(0.5);
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
