package dev.junction.media.rtp;

/** Range checks for the unsigned fields of RTP and RTCP, with messages that name the field. */
final class Unsigned {

  static final long MAX_U32 = 0xFFFF_FFFFL;

  private Unsigned() {}

  static long u32(String field, long value) {
    if (value < 0 || value > MAX_U32) {
      throw new IllegalArgumentException(field + " is a 32-bit unsigned number, got " + value);
    }
    return value;
  }

  static int bits(String field, int bits, int value) {
    if (value < 0 || value >= 1 << bits) {
      throw new IllegalArgumentException(field + " is a " + bits + "-bit unsigned number, got " + value);
    }
    return value;
  }
}
