package dev.junction.media.sdp;

/**
 * The text is not a session description this parser accepts. The message names the rule and,
 * where there is one, the line: {@code "line 12: a=ice-ufrag 'ab' must be 4-256 ice-chars
 * (RFC 8839 §5.4)"}.
 *
 * <p>This is the only exception {@link SessionDescription#parse} throws for bad input, whatever
 * the text is.
 */
public final class SdpParseException extends SdpException {

  private static final long serialVersionUID = 1L;

  public SdpParseException(String message) {
    super(message);
  }

  /** The same rule, now placed on a line: 1-based, as an editor counts. */
  SdpParseException atLine(int lineNumber) {
    return new SdpParseException("line " + lineNumber + ": " + getMessage());
  }
}
