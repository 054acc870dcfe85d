package dev.junction.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key value} command-line arguments, checked against the keys a main accepts. */
public final class Args {

  private final Map<String, String> values = new HashMap<>();

  public Args(String[] argv, Set<String> known) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) throw new IllegalArgumentException("expected --option, got: " + a);
      String key;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        key = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        key = a.substring(2);
        if (i + 1 >= argv.length) throw new IllegalArgumentException("missing value for --" + key);
        value = argv[++i];
      }
      if (!known.contains(key)) throw new IllegalArgumentException("unknown option --" + key + " (known: " + known + ")");
      values.put(key, value);
    }
  }

  public String string(String key, String dflt) {
    return values.getOrDefault(key, dflt);
  }

  public String required(String key) {
    String v = values.get(key);
    if (v == null) throw new IllegalArgumentException("--" + key + " is required");
    return v;
  }

  public int integer(String key, int dflt) {
    String v = values.get(key);
    return v == null ? dflt : Integer.parseInt(v);
  }

  public double decimal(String key, double dflt) {
    String v = values.get(key);
    return v == null ? dflt : Double.parseDouble(v);
  }

  public boolean bool(String key, boolean dflt) {
    String v = values.get(key);
    return v == null ? dflt : Boolean.parseBoolean(v);
  }
}
