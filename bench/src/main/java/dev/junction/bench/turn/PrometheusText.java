package dev.junction.bench.turn;

import java.util.OptionalDouble;

/** Reads samples from the Prometheus text exposition format (what Junction's /metrics serves). */
final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of every sample of {@code name} whose labels contain {@code labelFilter} (for
   * instance {@code area="heap"}; empty: all), or empty when there is none. Only exact name
   * matches count: {@code junction_turn_allocations} is not {@code junction_turn_allocations_total}.
   */
  static OptionalDouble sum(String text, String name, String labelFilter) {
    double sum = 0;
    boolean found = false;
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      String labels = "";
      if (rest.startsWith("{")) {
        int end = rest.indexOf('}');
        if (end < 0) {
          continue;
        }
        labels = rest.substring(1, end);
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // a longer name with this prefix
      }
      if (!labelFilter.isEmpty() && !labels.contains(labelFilter)) {
        continue;
      }
      String[] parts = rest.trim().split("\\s+"); // value, then an optional timestamp
      sum += Double.parseDouble(parts[0]);
      found = true;
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
