package dev.junction.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=extmap:<value>["/"<direction>] <URI> <extensionattributes>} (RFC 8285 §8), an RTP
 * header extension, e.g. {@code a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time}.
 *
 * @param id 1-14 for one-byte headers, 1-255 with two-byte headers, 4096-4351 while negotiating
 *     (RFC 8285 §5)
 * @param direction as in the extmap direction, if given
 * @param extensionAttributes the rest of the line, if any
 */
public record Extmap(int id, Optional<Direction> direction, String uri, Optional<String> extensionAttributes) {

  private static final String RULE = "RFC 8285 §8";

  public Extmap {
    if (!validId(id)) {
      throw new IllegalArgumentException("extmap id must be 1-255 or 4096-4351 (RFC 8285 §5): " + id);
    }
    Objects.requireNonNull(direction, "direction");
    if (uri.isEmpty() || Grammar.fields(uri).size() != 1) {
      throw new IllegalArgumentException("extmap URI must be one field: '" + uri + "'");
    }
    Objects.requireNonNull(extensionAttributes, "extensionAttributes");
  }

  private static boolean validId(int id) {
    return id >= 1 && id <= 255 || id >= 4096 && id <= 4351;
  }

  static Extmap parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() < 2) {
      throw new SdpParseException("a=extmap needs '<value>[/<direction>] <URI>' (" + RULE + ")");
    }
    String[] idAndDirection = f.get(0).split("/", -1);
    if (idAndDirection.length > 2) {
      throw new SdpParseException("a=extmap '" + f.get(0) + "' is not <value>[/<direction>] (" + RULE + ")");
    }
    int id = (int) Grammar.number(idAndDirection[0], 4, 4351, "a=extmap value", RULE);
    if (!validId(id)) {
      throw new SdpParseException("a=extmap value " + id + " must be 1-255 or 4096-4351 (RFC 8285 §5)");
    }
    Optional<Direction> direction = Optional.empty();
    if (idAndDirection.length == 2) {
      direction = Direction.fromAttributeName(idAndDirection[1]);
      if (direction.isEmpty()) {
        throw new SdpParseException("a=extmap direction '" + idAndDirection[1]
            + "' is not sendrecv, sendonly, recvonly or inactive (" + RULE + ")");
      }
    }
    Optional<String> attributes = f.size() > 2 ? Optional.of(String.join(" ", f.subList(2, f.size()))) : Optional.empty();
    return new Extmap(id, direction, f.get(1), attributes);
  }

  /** The value after {@code a=extmap:}. */
  public String value() {
    StringBuilder b = new StringBuilder().append(id);
    direction.ifPresent(d -> b.append('/').append(d.sdpName()));
    b.append(' ').append(uri);
    extensionAttributes.ifPresent(a -> b.append(' ').append(a));
    return b.toString();
  }

  /** The {@code a=extmap} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("extmap", value());
  }
}
