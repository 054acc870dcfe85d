package dev.junction.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings that exist, as the embedded defaults shape them. Finds a setting by environment
 * variable or dotted path, and parses a text value to the type of its default. Because every
 * lookup goes through the defaults tree, a misspelt variable or {@code --set} path is an error
 * instead of a setting that is silently ignored.
 */
final class Settings {

  /** One leaf setting: its keys from the root and its default, whose type every override must have. */
  record Setting(List<String> path, JsonNode defaultValue) {
    String name() {
      return String.join(".", path);
    }
  }

  private final ObjectNode defaults;
  private final ObjectMapper yaml;

  Settings(ObjectNode defaults, ObjectMapper yaml) {
    this.defaults = defaults;
    this.yaml = yaml;
  }

  /**
   * Resolves {@code JUNCTION_SIGNALING_MAX_FRAME_BYTES} to {@code signaling.maxFrameBytes}: after the
   * prefix, each level matches the key whose upper-cased name equals one or more joined tokens.
   */
  Setting byEnvironmentVariable(String variable, String prefix) {
    List<String> tokens = Arrays.asList(variable.substring(prefix.length()).split("_", -1));
    List<List<String>> found = new ArrayList<>();
    matchTokens(defaults, tokens, new ArrayList<>(), found);
    if (found.isEmpty()) {
      throw new ConfigException(
          variable
              + " matches no setting; a "
              + prefix
              + "* variable must name one, like JUNCTION_HTTP_PORT for http.port (see docs/CONFIG.md)");
    }
    if (found.size() > 1) {
      throw new ConfigException(
          variable + " is ambiguous: it matches "
              + String.join(" and ", found.stream().map(path -> String.join(".", path)).toList()));
    }
    return setting(found.get(0));
  }

  private static void matchTokens(
      JsonNode node, List<String> tokens, List<String> path, List<List<String>> found) {
    if (tokens.isEmpty()) {
      if (!node.isObject()) {
        found.add(List.copyOf(path));
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      joined.append(tokens.get(i));
      for (String key : keyList(node)) {
        if (key.toUpperCase(Locale.ROOT).contentEquals(joined)) {
          path.add(key);
          matchTokens(node.get(key), tokens.subList(i + 1, tokens.size()), path, found);
          path.remove(path.size() - 1);
        }
      }
    }
  }

  /** Resolves {@code signaling.maxFrameBytes}; {@code source} names the flag in error messages. */
  Setting byDottedPath(String dotted, String source) {
    List<String> path = Arrays.asList(dotted.split("\\.", -1));
    JsonNode node = defaults;
    for (int i = 0; i < path.size(); i++) {
      JsonNode child = node.isObject() ? node.get(path.get(i)) : null;
      if (child == null) {
        String parent = i == 0 ? "the top level" : String.join(".", path.subList(0, i));
        String known = node.isObject() ? " (" + parent + " has " + keys(node) + ")" : "";
        throw new ConfigException(source + ": there is no setting " + dotted + known);
      }
      node = child;
    }
    if (node.isObject()) {
      throw new ConfigException(
          source + ": " + dotted + " is a group of settings; set one of " + keys(node));
    }
    return setting(path);
  }

  /** Parses {@code text} to the type of the setting's default: integer, boolean, string or list. */
  JsonNode parse(Setting setting, String text, String source) {
    JsonNode type = setting.defaultValue();
    String rule = source + ": " + setting.name() + " must be ";
    if (type.isIntegralNumber()) {
      try {
        return IntNode.valueOf(Integer.parseInt(text.strip()));
      } catch (NumberFormatException e) {
        throw new ConfigException(rule + "an integer, got \"" + text + "\"");
      }
    }
    if (type.isBoolean()) {
      if (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false")) {
        return BooleanNode.valueOf(Boolean.parseBoolean(text.strip()));
      }
      throw new ConfigException(rule + "true or false, got \"" + text + "\"");
    }
    if (type.isArray()) {
      return parseList(text, rule);
    }
    return TextNode.valueOf(text);
  }

  private JsonNode parseList(String text, String rule) {
    String example = "a YAML or JSON list like [{urls: [\"stun:stun.example.org:3478\"]}]";
    try {
      JsonNode list = yaml.readTree(text);
      if (list != null && list.isArray()) {
        return list;
      }
    } catch (JsonProcessingException e) {
      // Reported below with the expected shape, which helps more than the parser's message.
    }
    throw new ConfigException(rule + example + ", got \"" + text + "\"");
  }

  /** Puts {@code value} at the setting's place in {@code tree}, which has the defaults' shape. */
  static void set(ObjectNode tree, Setting setting, JsonNode value) {
    ObjectNode node = tree;
    List<String> path = setting.path();
    for (String key : path.subList(0, path.size() - 1)) {
      node = (ObjectNode) node.get(key);
    }
    node.set(path.get(path.size() - 1), value);
  }

  private Setting setting(List<String> path) {
    JsonNode node = defaults;
    for (String key : path) {
      node = node.get(key);
    }
    return new Setting(List.copyOf(path), node);
  }

  private static List<String> keyList(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }

  private static String keys(JsonNode node) {
    return String.join(", ", keyList(node));
  }
}
