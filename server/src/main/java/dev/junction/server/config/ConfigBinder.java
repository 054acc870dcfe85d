package dev.junction.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds a settings tree to {@link JunctionConfig} and turns Jackson's errors into messages that
 * name the setting ({@code ice.servers[0].urls}) and where it came from.
 */
final class ConfigBinder {

  private ConfigBinder() {}

  /**
   * @param where appended to error messages, like {@code " in /etc/junction.yml"}, or empty
   */
  static JunctionConfig bind(ObjectMapper mapper, JsonNode tree, String where) {
    try {
      return mapper.treeToValue(tree, JunctionConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
      throw new ConfigException(
          "unknown setting " + path(e) + where + " (known here: " + known + ")", e);
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          path(e) + " must be " + describe(e.getTargetType()) + ", got \"" + e.getValue() + "\"" + where, e);
    } catch (MismatchedInputException e) {
      throw new ConfigException(path(e) + " must be " + describe(e.getTargetType()) + where, e);
    } catch (JsonMappingException e) {
      throw new ConfigException(path(e) + ": " + e.getOriginalMessage() + where, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("cannot read settings" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the configuration" : path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == int.class || type == Integer.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping of settings";
  }
}
