package dev.junction.media.rtp;

/**
 * The bytes are not a well-formed RTP or RTCP packet. The message names the broken rule, for
 * example {@code "RTP version 1, RFC 3550 §5.1 requires 2"}.
 *
 * <p>This is the only exception {@link RtpPacket#decode} and {@link RtcpCompound#decode} throw for
 * bad input, whatever the bytes are. A receiver drops such a datagram and counts it.
 *
 * <p>It carries no stack trace: the message says what was wrong, and a server flooded with junk
 * should not pay for a stack walk per packet.
 */
public final class RtpParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public RtpParseException(String message) {
    super(message, null, false, false);
  }
}
