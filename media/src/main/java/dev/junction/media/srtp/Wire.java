package dev.junction.media.srtp;

import java.util.Objects;

/** Big-endian reads and writes, bounds checks and the constant-time compare, on byte arrays. */
final class Wire {

  private Wire() {}

  static int u32(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
  }

  static void putU32(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  /** Whether {@code length} bytes at {@code a[aAt]} and {@code b[bAt]} are equal, in constant time. */
  static boolean equalInConstantTime(byte[] a, int aAt, byte[] b, int bAt, int length) {
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |= a[aAt + i] ^ b[bAt + i];
    }
    return difference == 0;
  }

  /**
   * Checks the caller's ranges: the packet lies within {@code src}, and {@code dst} has room for
   * it plus {@code overhead}. A buffer that is too small is a bug in the caller, not a bad packet.
   *
   * @throws IndexOutOfBoundsException if the packet is not within {@code src}
   * @throws IllegalArgumentException if {@code dst} is too small, or is {@code src} at another
   *     offset (only exact in-place or disjoint buffers are supported)
   */
  static void checkBuffers(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset, int overhead) {
    Objects.checkFromIndexSize(srcOffset, length, src.length);
    if (dstOffset < 0 || dst.length - dstOffset < length + overhead) {
      throw new IllegalArgumentException(String.format(
          "the output needs %d bytes (packet %d + overhead %d) from offset %d, but the buffer has %d",
          length + overhead, length, overhead, dstOffset, dst.length));
    }
    if (src == dst && srcOffset != dstOffset) {
      throw new IllegalArgumentException("in-place protection needs the same offset for input and output, got "
          + srcOffset + " and " + dstOffset);
    }
  }
}
