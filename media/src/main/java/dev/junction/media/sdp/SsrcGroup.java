package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> *(SP ssrc-id)} (RFC 5576 §4.2), e.g. {@code a=ssrc-group:FID
 * 1111 2222}: the media SSRC and its RTX SSRC (RFC 4588 §8.3).
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

  private static final String RULE = "RFC 5576 §4.2";

  /** Flow identification: media and retransmission (RFC 5888 §8, RFC 4588 §8.3). */
  public static final String FID = "FID";

  public SsrcGroup {
    if (!Grammar.isToken(semantics)) {
      throw new IllegalArgumentException("ssrc-group semantics must be a token (" + RULE + "): " + semantics);
    }
    ssrcs = List.copyOf(ssrcs);
    for (long ssrc : ssrcs) {
      if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("ssrc must be 32-bit unsigned: " + ssrc);
      }
    }
  }

  static SsrcGroup parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.isEmpty() || !Grammar.isToken(f.get(0))) {
      throw new SdpParseException("a=ssrc-group needs a semantics token (" + RULE + ")");
    }
    List<Long> ssrcs = new ArrayList<>();
    for (String s : f.subList(1, f.size())) {
      ssrcs.add(Grammar.number(s, 10, 0xFFFF_FFFFL, "a=ssrc-group ssrc-id", RULE));
    }
    return new SsrcGroup(f.get(0), ssrcs);
  }

  /** The value after {@code a=ssrc-group:}. */
  public String value() {
    StringBuilder b = new StringBuilder(semantics);
    ssrcs.forEach(s -> b.append(' ').append(s));
    return b.toString();
  }

  /** The {@code a=ssrc-group} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("ssrc-group", value());
  }
}
