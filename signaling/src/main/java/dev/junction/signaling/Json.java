package dev.junction.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** JSON for the dialects: one shared, thread-safe mapper, and the few helpers they all need. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses a message that must be one JSON object. */
  public static ObjectNode parseObject(String text) throws BadJsonException {
    JsonNode node;
    try {
      // From UTF-8 bytes: Jackson's byte parser is about twice as fast as its char parser.
      node = MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new BadJsonException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory failed", e); // not an I/O source: cannot happen
    }
    if (node == null || !node.isObject()) {
      throw new BadJsonException("a message must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * A client message as one JSON object, or null after handing the reason it is not one to
   * {@code refuse}: the opening of every dialect's {@code onText}.
   */
  public static ObjectNode parseObjectOr(String text, Consumer<String> refuse) {
    try {
      return parseObject(text);
    } catch (BadJsonException e) {
      refuse.accept(e.getMessage());
      return null;
    }
  }

  /** A new empty object to build a message in. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact JSON text of {@code node}. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  /** The field as a string, when it is present and a JSON string. */
  public static Optional<String> text(JsonNode message, String field) {
    JsonNode value = message.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  /** The text was not a JSON object; the message says why. */
  public static final class BadJsonException extends Exception {
    public BadJsonException(String message) {
      super(message);
    }
  }
}
