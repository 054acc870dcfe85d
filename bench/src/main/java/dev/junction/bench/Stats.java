package dev.junction.bench;

import java.util.List;
import java.util.Locale;

/** Means, ratios and the compact number format of the benchmark summaries. */
public final class Stats {

  private Stats() {}

  /** Mean of the finite values; NaN when there is none. */
  public static double mean(List<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code a / b}; NaN when either is missing or b is 0. */
  public static double ratio(double a, double b) {
    return Double.isFinite(a) && Double.isFinite(b) && b != 0 ? a / b : Double.NaN;
  }

  /** 182345 → "182k", 15630 → "15.6k", 950 → "950"; NaN → "n/a". */
  public static String compact(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, a >= 1e8 ? "%.0fM" : "%.1fM", v / 1e6);
    }
    if (a >= 1e3) {
      return String.format(Locale.ROOT, a >= 1e5 ? "%.0fk" : "%.1fk", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }

  /** "1.21x", or "n/a". */
  public static String times(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "n/a";
  }

  /** Seconds with two decimals, or "n/a". */
  public static String seconds(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f s", v) : "n/a";
  }

  /** Bytes as MiB with one decimal, or "n/a". */
  public static String mib(double bytes) {
    return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20)) : "n/a";
  }
}
