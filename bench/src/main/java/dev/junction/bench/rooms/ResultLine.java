package dev.junction.bench.rooms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code RESULT key=value ...} line a {@link RoomLoad} run ends with: what scripts and the
 * summary read. Values hold no spaces.
 */
record ResultLine(Map<String, String> fields) {

  static final String PREFIX = "RESULT ";

  /** One result line. */
  static ResultLine parse(String line) {
    if (!line.startsWith(PREFIX)) throw new IllegalArgumentException("not a RESULT line: " + line);
    Map<String, String> f = new LinkedHashMap<>();
    for (String kv : line.substring(PREFIX.length()).trim().split(" +")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("not key=value: " + kv + " in " + line);
      f.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return new ResultLine(Map.copyOf(f));
  }

  /** The last result line in a run's output, or null if it has none (the run died). */
  static ResultLine lastIn(String output) {
    ResultLine last = null;
    for (String line : output.split("\n")) if (line.startsWith(PREFIX)) last = parse(line.strip());
    return last;
  }

  boolean ok() {
    return "true".equals(fields.get("ok"));
  }

  String string(String key) {
    return fields.get(key);
  }

  /** The value as a number, NaN when absent or not a number. */
  double number(String key) {
    String v = fields.get(key);
    if (v == null) return Double.NaN;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
