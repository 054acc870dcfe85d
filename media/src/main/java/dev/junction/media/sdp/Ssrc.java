package dev.junction.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} (RFC 5576 §4.1), a property of one RTP source,
 * e.g. {@code a=ssrc:3735928559 cname:4TOk42mSjXCkVIa6} (RFC 7022) or
 * {@code a=ssrc:3735928559 msid:stream track} (RFC 8830, kept by libwebrtc for Plan B readers).
 *
 * @param ssrc 32-bit unsigned
 * @param attribute e.g. {@code cname}
 * @param attributeValue the text after the colon, if any
 */
public record Ssrc(long ssrc, String attribute, Optional<String> attributeValue) {

  private static final String RULE = "RFC 5576 §4.1";

  public Ssrc {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ssrc must be 32-bit unsigned: " + ssrc);
    }
    if (attribute.isEmpty() || attribute.indexOf(':') >= 0 || Grammar.fields(attribute).size() != 1) {
      throw new IllegalArgumentException("ssrc attribute must be one field without ':': '" + attribute + "'");
    }
    Objects.requireNonNull(attributeValue, "attributeValue");
  }

  /** {@code a=ssrc:<ssrc> <attribute>:<value>}. */
  public static Ssrc of(long ssrc, String attribute, String value) {
    return new Ssrc(ssrc, attribute, Optional.of(value));
  }

  static Ssrc parse(String value) throws SdpParseException {
    int space = value.indexOf(' ');
    if (space < 0) {
      throw new SdpParseException("a=ssrc needs '<ssrc-id> <attribute>[:<value>]' (" + RULE + ")");
    }
    long id = Grammar.number(value.substring(0, space), 10, 0xFFFF_FFFFL, "a=ssrc ssrc-id", RULE);
    String rest = value.substring(space + 1).strip();
    int colon = rest.indexOf(':');
    String attribute = colon < 0 ? rest : rest.substring(0, colon);
    if (attribute.isEmpty() || Grammar.fields(attribute).size() != 1) {
      throw new SdpParseException("a=ssrc attribute '" + attribute + "' must be one field (" + RULE + ")");
    }
    return new Ssrc(id, attribute, colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1)));
  }

  /** The value after {@code a=ssrc:}. */
  public String value() {
    return ssrc + " " + attribute + attributeValue.map(v -> ":" + v).orElse("");
  }

  /** The {@code a=ssrc} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("ssrc", value());
  }
}
