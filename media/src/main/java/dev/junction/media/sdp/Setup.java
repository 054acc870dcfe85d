package dev.junction.media.sdp;

import java.util.Locale;

/**
 * {@code a=setup} (RFC 4145 §4): which side opens the connection, for DTLS which side is the
 * client (RFC 5763 §5). The offerer says {@code actpass}; the answerer picks {@code active}
 * (it is the DTLS client) or {@code passive}.
 */
public enum Setup {
  ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

  /** The SDP spelling. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code a=setup} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("setup", sdpName());
  }

  static Setup parse(String value) throws SdpParseException {
    for (Setup s : values()) {
      if (s.sdpName().equals(value)) {
        return s;
      }
    }
    throw new SdpParseException("a=setup '" + value + "' is not active, passive, actpass or holdconn (RFC 4145 §4)");
  }
}
