package dev.junction.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the configuration in four layers, each later one winning: the embedded
 * {@code default-config.yml}, the user's YAML file, {@code JUNCTION_*} environment variables, then
 * {@code --set dotted.path=value} overrides. Layers merge as trees (objects deeply, lists whole);
 * the result is bound to {@link JunctionConfig} and checked by {@link ConfigValidator}.
 */
public final class ConfigLoader {

  /** Environment variables that name settings start with this. */
  public static final String ENV_PREFIX = "JUNCTION_";

  /** The variable holding the config file's path, read by the command line. */
  public static final String CONFIG_FILE_VARIABLE = "JUNCTION_CONFIG";

  /**
   * {@code JUNCTION_*} variables that belong to the launcher and name no setting: the config file,
   * extra JVM options, the installation directory and the java executable.
   */
  public static final Set<String> LAUNCHER_VARIABLES =
      Set.of(CONFIG_FILE_VARIABLE, "JUNCTION_OPTS", "JUNCTION_HOME", "JUNCTION_JAVA");

  private static final String DEFAULTS_RESOURCE = "/default-config.yml";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          // 80.5 is a typo, not port 80.
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private ConfigLoader() {}

  /**
   * @param fileOrNull the user's YAML file, or null for none
   * @param env the process environment; only {@code JUNCTION_*} entries are read
   * @param overrides {@code dotted.path=value} strings, applied in order
   * @throws ConfigException naming the file, variable or flag, the setting and the broken rule
   */
  public static JunctionConfig load(Path fileOrNull, Map<String, String> env, List<String> overrides) {
    ObjectNode defaults = defaults();
    ObjectNode merged = defaults.deepCopy();
    if (fileOrNull != null) {
      JsonNode file = readFile(fileOrNull);
      // Binding the file on its own names the file in errors about unknown keys and wrong types.
      ConfigBinder.bind(YAML, file, " in " + fileOrNull);
      merge(merged, file);
    }
    Settings settings = new Settings(defaults, YAML);
    applyEnvironment(settings, merged, env);
    for (String override : overrides) {
      applyOverride(settings, merged, override);
    }
    JunctionConfig config = ConfigBinder.bind(YAML, merged, "");
    ConfigValidator.validate(config);
    return config;
  }

  private static void applyEnvironment(Settings settings, ObjectNode tree, Map<String, String> env) {
    Map<String, String> claimedBy = new HashMap<>();
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ENV_PREFIX) || LAUNCHER_VARIABLES.contains(name)) {
        continue;
      }
      Settings.Setting setting = settings.byEnvironmentVariable(name, ENV_PREFIX);
      String other = claimedBy.put(setting.name(), name);
      if (other != null) {
        throw new ConfigException(
            other + " and " + name + " both set " + setting.name() + "; keep one");
      }
      Settings.set(tree, setting, settings.parse(setting, variable.getValue(), name));
    }
  }

  private static void applyOverride(Settings settings, ObjectNode tree, String override) {
    String source = "--set " + override;
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(source + ": expected dotted.path=value, like http.port=9000");
    }
    Settings.Setting setting = settings.byDottedPath(override.substring(0, eq), source);
    Settings.set(tree, setting, settings.parse(setting, override.substring(eq + 1), source));
  }

  /** Objects merge key by key; anything else, lists included, replaces what was there. */
  private static void merge(ObjectNode base, JsonNode overlay) {
    for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
      JsonNode value = entry.getValue();
      JsonNode current = base.get(entry.getKey());
      if (value.isNull()) {
        // A key left empty, e.g. a group whose lines are all commented out, keeps its default.
        continue;
      }
      if (current instanceof ObjectNode group && value.isObject()) {
        merge(group, value);
      } else {
        base.set(entry.getKey(), value.deepCopy());
      }
    }
  }

  private static JsonNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist or is not a file");
    }
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ConfigException(
          "config file " + file + " is not valid YAML" + at + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return YAML.createObjectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException(
          "config file " + file + " must hold a mapping of settings, like \"http: {port: 9000}\"");
    }
    return tree;
  }

  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
