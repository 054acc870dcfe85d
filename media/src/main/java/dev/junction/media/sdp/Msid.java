package dev.junction.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=msid:<msid-id> [<msid-appdata>]} (RFC 8830 §2): the MediaStream and track a media
 * section's source belongs to. The browser groups tracks with the same stream id; {@code -} means
 * no stream.
 */
public record Msid(String streamId, Optional<String> trackId) {

  private static final String RULE = "RFC 8830 §2";

  public Msid {
    if (!validId(streamId)) {
      throw new IllegalArgumentException("msid-id must be 1-64 token-chars (" + RULE + "): " + streamId);
    }
    Objects.requireNonNull(trackId, "trackId");
    trackId.ifPresent(t -> {
      if (!validId(t)) {
        throw new IllegalArgumentException("msid-appdata must be 1-64 token-chars (" + RULE + "): " + t);
      }
    });
  }

  /** Stream and track. */
  public static Msid of(String streamId, String trackId) {
    return new Msid(streamId, Optional.of(trackId));
  }

  private static boolean validId(String id) {
    return id.length() <= 64 && Grammar.isToken(id);
  }

  static Msid parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.isEmpty() || f.size() > 2) {
      throw new SdpParseException("a=msid needs '<msid-id> [<msid-appdata>]' (" + RULE + ")");
    }
    for (String id : f) {
      if (!validId(id)) {
        throw new SdpParseException("a=msid '" + id + "' must be 1-64 token-chars (" + RULE + ")");
      }
    }
    return new Msid(f.get(0), f.size() == 2 ? Optional.of(f.get(1)) : Optional.empty());
  }

  /** The value after {@code a=msid:}. */
  public String value() {
    return trackId.map(t -> streamId + " " + t).orElse(streamId);
  }

  /** The {@code a=msid} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("msid", value());
  }
}
