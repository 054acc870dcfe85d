package dev.junction.bench.turn;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options, with defaults; unknown names are an error. */
final class CliOptions {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> used = new HashMap<>();

  CliOptions(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
      }
      values.put(arg.substring(2), args[++i]);
    }
  }

  String string(String name, String fallback) {
    String value = values.getOrDefault(name, fallback);
    used.put(name, value);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(string(name, Integer.toString(fallback)));
  }

  /** Fails on an option no call asked for: a typo must not silently run the default load. */
  void rejectUnknown() {
    for (String name : values.keySet()) {
      if (!used.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
  }
}
