package dev.junction.signaling;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the transport saw of a connection's opening handshake, for a dialect that identifies its
 * clients there.
 *
 * @param room the room named by the path, or null for the lobby
 * @param query the first value of each query parameter
 * @param headers the request's headers, names lower-cased, values in the order they came
 */
public record Handshake(String room, Map<String, String> query, Map<String, List<String>> headers) {

  public Handshake {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** Every value of header {@code name} (any case), in order; empty when absent. */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }
}
