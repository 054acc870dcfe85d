package dev.junction.media.rtp;

import java.nio.ByteBuffer;

/** Writes the 4-byte common RTCP header (RFC 3550 §6.4.1) for the packet types' encoders. */
final class RtcpHeader {

  /** RC, SC and FMT are 5 bits. */
  static final int MAX_COUNT = 31;

  private RtcpHeader() {}

  /** V=2, P=0, the count or format, PT, and the length in words minus one of a packet of {@code size} bytes. */
  static void write(ByteBuffer out, int countOrFormat, int packetType, int size) {
    if (size % 4 != 0 || size < 4 || size > 4 * 0x10000) {
      throw new IllegalStateException("an RTCP packet is 4 to 262144 bytes in whole words, got " + size);
    }
    out.put((byte) (RtpHeader.VERSION << 6 | countOrFormat));
    out.put((byte) packetType);
    out.putShort((short) (size / 4 - 1));
  }

  /** Bytes of padding that bring {@code size} to a multiple of 4. */
  static int padTo4(int size) {
    return -size & 3;
  }

  static void checkCount(String what, int count) {
    if (count > MAX_COUNT) {
      throw new IllegalArgumentException("the count field is 5 bits: at most 31 " + what + ", got " + count);
    }
  }
}
