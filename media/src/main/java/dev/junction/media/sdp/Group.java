package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=group:<semantics> *(SP identification-tag)} (RFC 5888 §5), e.g. {@code a=group:BUNDLE 0 1}
 * (RFC 8843).
 */
public record Group(String semantics, List<String> mids) {

  /** BUNDLE (RFC 8843 §7.1). */
  public static final String BUNDLE = "BUNDLE";

  public Group {
    if (!Grammar.isToken(semantics)) {
      throw new IllegalArgumentException("group semantics must be a token (RFC 5888 §5): " + semantics);
    }
    mids = List.copyOf(mids);
    for (String mid : mids) {
      if (!Grammar.isToken(mid)) {
        throw new IllegalArgumentException("identification-tag must be a token (RFC 5888 §4): " + mid);
      }
    }
  }

  /** Parses the value of {@code a=group:<value>}. */
  static Group parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.isEmpty() || !Grammar.isToken(f.get(0))) {
      throw new SdpParseException("a=group needs a semantics token (RFC 5888 §5)");
    }
    List<String> mids = new ArrayList<>(f.subList(1, f.size()));
    for (String mid : mids) {
      if (!Grammar.isToken(mid)) {
        throw new SdpParseException("a=group identification-tag '" + mid + "' is not a token (RFC 5888 §5)");
      }
    }
    return new Group(f.get(0), mids);
  }

  /** The value: semantics and mids. */
  public String value() {
    return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
  }

  /** The {@code a=group} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("group", value());
  }
}
