package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** {@code name=value} lines (what the generators print and the script records); other lines are ignored. */
public final class KeyValues {

  private final Map<String, String> values = new LinkedHashMap<>();

  public static KeyValues parse(String text) {
    KeyValues kv = new KeyValues();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).matches("[a-z][a-z0-9_.]*")) {
        kv.values.put(line.substring(0, eq), line.substring(eq + 1).trim()); // the last one wins
      }
    }
    return kv;
  }

  public static KeyValues read(Path file) throws IOException {
    return Files.exists(file) ? parse(Files.readString(file)) : new KeyValues();
  }

  public String string(String name) {
    return values.get(name);
  }

  public OptionalDouble number(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
