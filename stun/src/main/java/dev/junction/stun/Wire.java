package dev.junction.stun;

/** Big-endian ("network order", RFC 8489 §5) reads and the 4-byte alignment rule. */
final class Wire {

  private Wire() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
  }

  static long u32(byte[] b, int off) {
    return (long) u16(b, off) << 16 | u16(b, off + 2);
  }

  static long u64(byte[] b, int off) {
    return u32(b, off) << 32 | u32(b, off + 4);
  }

  /** {@code length} rounded up to a multiple of 4: "each STUN attribute MUST end on a 32-bit boundary". */
  static int padded(int length) {
    return (length + 3) & ~3;
  }
}
