package dev.junction.signaling.mdn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.junction.signaling.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The routing fields of an MDN message — {@code type}, {@code name}, {@code target} — read with
 * a streaming parser that validates the whole text but never builds its payload: an SDP offer is
 * scanned once and relayed as the original text.
 *
 * @param type the {@code type} field, or null when absent or not a string
 * @param name the {@code name} field as text, or null when absent ({@link #nameIsString} tells a
 *     non-string apart)
 * @param nameIsString whether a present {@code name} is a JSON string
 * @param target the {@code target} field, or null when absent or JSON null
 * @param targetIsString whether a present, non-null {@code target} is a JSON string
 */
record Envelope(String type, String name, boolean nameIsString, String target, boolean targetIsString) {

  private static final JsonFactory JSON = new JsonFactory();

  boolean hasName() {
    return name != null;
  }

  boolean hasTarget() {
    return target != null;
  }

  /** Reads the envelope of {@code text}, which must be one JSON object. */
  static Envelope read(String text) throws Json.BadJsonException {
    // Parsed from UTF-8 bytes: Jackson's byte parser is twice as fast as its char parser on a
    // 4.6 KB offer (1.9 against 4.2 µs), so the encoding pays for itself several times over.
    try (JsonParser parser = JSON.createParser(text.getBytes(StandardCharsets.UTF_8))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Json.BadJsonException("a message must be a JSON object");
      }
      String type = null;
      String name = null;
      boolean nameIsString = false;
      String target = null;
      boolean targetIsString = false;
      int seen = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        int bit = switch (field) {
          case "type" -> 1;
          case "name" -> 2;
          case "target" -> 4;
          default -> 0;
        };
        if ((seen & bit) != 0) {
          // Parsers disagree on which duplicate wins; a relay must not let them.
          throw new Json.BadJsonException("duplicate field '" + field + "'");
        }
        seen |= bit;
        switch (field) {
          case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "name" -> {
            nameIsString = value == JsonToken.VALUE_STRING;
            name = value.isStructStart() ? "" : parser.getText();
          }
          case "target" -> {
            targetIsString = value == JsonToken.VALUE_STRING;
            target = value == JsonToken.VALUE_NULL ? null : value.isStructStart() ? "" : parser.getText();
          }
          default -> { }
        }
        parser.skipChildren();
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new Json.BadJsonException("a message must be one JSON object");
      }
      return new Envelope(type, name, nameIsString, target, targetIsString);
    } catch (IOException e) {
      throw new Json.BadJsonException("not valid JSON: " + e.getMessage());
    }
  }

  /**
   * {@code text}, a JSON object with at least one member and no {@code name}, with {@code
   * "name":<sender>} added as its first member: cheaper than re-serializing, and the rest of the
   * text stays byte for byte.
   */
  static String withName(String text, String sender) {
    int brace = text.indexOf('{');
    String member = Json.write(Json.object().put("name", sender));
    // member is {"name":"…"}: keep its inside and a comma before the message's own first member.
    return text.substring(0, brace + 1) + member.substring(1, member.length() - 1) + ","
        + text.substring(brace + 1);
  }
}
