package dev.junction.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=rtcp-fb:<payload type or *> <type> [<parameter>]} (RFC 4585 §4.2), e.g.
 * {@code a=rtcp-fb:96 nack pli}, {@code a=rtcp-fb:96 ccm fir} (RFC 5104 §7.1),
 * {@code a=rtcp-fb:96 goog-remb}, {@code a=rtcp-fb:96 transport-cc}.
 *
 * @param payloadType empty for {@code *}, all payload types of the section
 * @param type {@code ack}, {@code nack}, {@code trr-int}, {@code ccm} or an extension token
 * @param parameter e.g. {@code pli} after {@code nack}
 */
public record RtcpFb(OptionalInt payloadType, String type, Optional<String> parameter) {

  private static final String RULE = "RFC 4585 §4.2";

  public RtcpFb {
    Objects.requireNonNull(payloadType, "payloadType");
    if (!Grammar.isToken(type)) {
      throw new IllegalArgumentException("rtcp-fb type must be a token (" + RULE + "): " + type);
    }
    Objects.requireNonNull(parameter, "parameter");
  }

  /** Feedback of {@code type} with an optional parameter for one payload type. */
  public static RtcpFb of(int payloadType, String type, String... parameter) {
    return new RtcpFb(OptionalInt.of(payloadType), type,
        parameter.length == 0 ? Optional.empty() : Optional.of(String.join(" ", parameter)));
  }

  static RtcpFb parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() < 2) {
      throw new SdpParseException("a=rtcp-fb needs '<payload type> <feedback type>' (" + RULE + ")");
    }
    OptionalInt pt = f.get(0).equals("*")
        ? OptionalInt.empty()
        : OptionalInt.of(Grammar.payloadType(f.get(0), "a=rtcp-fb payload type"));
    if (!Grammar.isToken(f.get(1))) {
      throw new SdpParseException("a=rtcp-fb feedback type '" + f.get(1) + "' is not a token (" + RULE + ")");
    }
    Optional<String> parameter = f.size() > 2 ? Optional.of(String.join(" ", f.subList(2, f.size()))) : Optional.empty();
    return new RtcpFb(pt, f.get(1), parameter);
  }

  /** Whether this feedback applies to {@code pt}: it names it, or it is {@code *}. */
  public boolean appliesTo(int pt) {
    return payloadType.isEmpty() || payloadType.getAsInt() == pt;
  }

  /** The value after {@code a=rtcp-fb:}. */
  public String value() {
    String base = (payloadType.isPresent() ? String.valueOf(payloadType.getAsInt()) : "*") + " " + type;
    return parameter.map(p -> base + " " + p).orElse(base);
  }

  /** The {@code a=rtcp-fb} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("rtcp-fb", value());
  }
}
