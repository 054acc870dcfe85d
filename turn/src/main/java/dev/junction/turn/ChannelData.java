package dev.junction.turn;

/**
 * The ChannelData message (RFC 8656 §12.4), TURN's compact framing for relayed data on a bound
 * channel: 4 bytes of header instead of a 36-byte Send indication.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                       Application Data                        /
 * </pre>
 *
 * <p>Over UDP the datagram may carry padding after the data; over TCP and TLS the message MUST be
 * padded to a multiple of 4 bytes (§12.5), which is how a stream is split into messages.
 */
public final class ChannelData {

  public static final int HEADER_BYTES = 4;
  public static final int MIN_CHANNEL = 0x4000;
  /**
   * RFC 8656 §12 narrowed channels to 0x4000–0x4FFF so ChannelData cannot be mistaken for DTLS or
   * RTP on a port shared with them (RFC 7983). A TURN port carries neither, and RFC 5766 clients
   * (coturn's own before 4.16) still pick numbers up to 0x7FFE, so we accept the old range.
   */
  public static final int MAX_CHANNEL = 0x7FFE;

  private ChannelData() {}

  /** Whether a packet starting with {@code firstByte} is ChannelData (STUN always starts with 0–3). */
  public static boolean startsChannelData(int firstByte) {
    int b = firstByte & 0xff;
    return b >= 0x40 && b <= 0x7f;
  }

  public static boolean isValidChannel(int channel) {
    return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL;
  }

  /** The whole length of a ChannelData message carrying {@code dataLength} bytes on a stream, padding included. */
  public static int streamFrameLength(int dataLength) {
    return HEADER_BYTES + ((dataLength + 3) & ~3);
  }

  /** Writes the header for {@code dataLength} bytes on {@code channel} into {@code out} at {@code offset}. */
  public static void writeHeader(byte[] out, int offset, int channel, int dataLength) {
    out[offset] = (byte) (channel >>> 8);
    out[offset + 1] = (byte) channel;
    out[offset + 2] = (byte) (dataLength >>> 8);
    out[offset + 3] = (byte) dataLength;
  }
}
