package dev.junction.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies the way ASP.NET Core's web defaults do, which XProtect clients were written
 * against (specs/xprotect-webrtc-api.md §8): property names in any case ({@code PlaybackTimeNode}
 * or {@code playbackTimeNode}), numbers and booleans sent as strings ({@code "speed":"2"}), a
 * single value where a list is expected ({@code "urls":"stun:…"}), unknown properties ignored.
 */
final class LenientJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private LenientJson() {}

  /** Reads {@code body} as {@code type}; an empty body reads as an empty object. */
  static <T> T read(String body, Class<T> type) throws JsonProcessingException {
    return MAPPER.readValue(body == null || body.isBlank() ? "{}" : body, type);
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
