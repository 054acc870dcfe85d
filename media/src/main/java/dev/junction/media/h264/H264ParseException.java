package dev.junction.media.h264;

/**
 * The bytes are not well-formed H.264 or RFC 6184 payload. The message names the broken rule, for
 * example {@code "FU-A with both S and E set: RFC 6184 §5.8 forbids a fragmented NAL unit in one FU"}.
 *
 * <p>This is the only exception the parsers of this package throw for bad input. It carries no
 * stack trace: a camera sending junk should not cost a stack walk per packet.
 */
public final class H264ParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public H264ParseException(String message) {
    super(message, null, false, false);
  }
}
