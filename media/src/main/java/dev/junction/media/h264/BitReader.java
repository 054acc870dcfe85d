package dev.junction.media.h264;

import dev.junction.stun.Bytes;

/**
 * Reads the bits of an RBSP (H.264 §7.2): fixed-width {@code u(n)} and Exp-Golomb {@code ue(v)},
 * {@code se(v)} (§9.1), most significant bit first. Built from a NAL unit's payload with the
 * emulation-prevention bytes removed (§7.4.1: "emulation_prevention_three_byte is a byte equal to
 * 0x03. When an emulation_prevention_three_byte is present in the NAL unit, it shall be discarded
 * by the decoding process"). Every read names its syntax element in the exception when the data
 * runs out. Confined to the parsing thread.
 */
final class BitReader {

  private final byte[] rbsp;
  private final int lengthInBits;
  private int position;

  private BitReader(byte[] rbsp, int length) {
    this.rbsp = rbsp;
    this.lengthInBits = length * 8;
  }

  /**
   * The RBSP of {@code maxBytes} or fewer bytes of a NAL unit payload: every {@code 00 00 03}
   * loses its {@code 03}.
   */
  static BitReader ofPayload(Bytes payload, int maxBytes) {
    int limit = Math.min(payload.size(), maxBytes);
    byte[] out = new byte[limit];
    int length = 0;
    int zeros = 0;
    for (int i = 0; i < limit; i++) {
      int b = payload.getUnsigned(i);
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      out[length++] = (byte) b;
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return new BitReader(out, length);
  }

  /** {@code u(n)}: n bits, 0 ≤ n ≤ 32, as an unsigned number. */
  long bits(int n, String element) throws H264ParseException {
    if (n > lengthInBits - position) {
      throw new H264ParseException("the RBSP ends inside " + element + " (" + n + " bits at bit " + position
          + " of " + lengthInBits + ")");
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      int bit = rbsp[position >>> 3] >>> (7 - (position & 7)) & 1;
      value = value << 1 | bit;
      position++;
    }
    return value;
  }

  int u(int n, String element) throws H264ParseException {
    return (int) bits(n, element);
  }

  boolean flag(String element) throws H264ParseException {
    return bits(1, element) == 1;
  }

  /**
   * {@code ue(v)}: leadingZeroBits zeros, a one, then leadingZeroBits bits;
   * codeNum = 2^leadingZeroBits − 1 + those bits (§9.1). Values above 2^31 − 1 are refused: no
   * syntax element read here is allowed to be that large.
   */
  int ue(String element) throws H264ParseException {
    int leadingZeros = 0;
    while (bits(1, element) == 0) {
      leadingZeros++;
      if (leadingZeros > 31) {
        throw new H264ParseException(element + ": Exp-Golomb code with more than 31 leading zero bits (§9.1)");
      }
    }
    long value = (1L << leadingZeros) - 1 + bits(leadingZeros, element);
    if (value > Integer.MAX_VALUE) {
      throw new H264ParseException(element + " = " + value + " is out of range");
    }
    return (int) value;
  }

  /** {@code ue(v)} checked against the range the standard allows for this element. */
  int ue(String element, int max) throws H264ParseException {
    int value = ue(element);
    if (value > max) {
      throw new H264ParseException(element + " = " + value + ", the standard allows 0 to " + max);
    }
    return value;
  }

  /** {@code se(v)}: codeNum k maps to (−1)^(k+1) · Ceil(k ÷ 2) (§9.1.1). */
  int se(String element) throws H264ParseException {
    long k = ue(element);
    return (int) ((k & 1) == 1 ? (k + 1) / 2 : -(k / 2));
  }

  /** Bits read so far. */
  int position() {
    return position;
  }
}
