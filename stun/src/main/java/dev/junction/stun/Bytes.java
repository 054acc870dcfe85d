package dev.junction.stun;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes, after Okio's {@code ByteString}: attribute values hold these
 * instead of a bare {@code byte[]}, so a record can never be changed behind its back.
 *
 * <p>Factories copy what they are given. The decoder shares one private copy of a received
 * message between the values it decodes from it (a DATA payload costs no second copy); nobody
 * holds a reference that could write to that array.
 */
public final class Bytes {

  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int TO_STRING_MAX_BYTES = 32;

  private final byte[] data;
  private final int offset;
  private final int length;

  private Bytes(byte[] data, int offset, int length) {
    this.data = data;
    this.offset = offset;
    this.length = length;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    return copyOf(bytes, 0, bytes.length);
  }

  /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static Bytes copyOf(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
  }

  /** The bytes between {@code buffer}'s position and limit; the buffer itself is not moved. */
  public static Bytes copyOf(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy.length == 0 ? EMPTY : new Bytes(copy, 0, copy.length);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    return new Bytes(encoded, 0, encoded.length);
  }

  /** Parses hexadecimal digits; whitespace between them is ignored, as in RFC hex dumps. */
  public static Bytes fromHex(String hex) {
    String digits = hex.replaceAll("\\s+", "");
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(digits.charAt(2 * i), 16);
      int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex digit at " + 2 * i + ": " + digits.substring(2 * i, 2 * i + 2));
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return new Bytes(out, 0, out.length);
  }

  /** Shares {@code data} without copying: only for arrays that no one will ever write again. */
  static Bytes wrapUnshared(byte[] data, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(data, offset, length);
  }

  /** The number of bytes. */
  public int size() {
    return length;
  }

  /** The byte at {@code index}, 0 ≤ index &lt; size. */
  public byte get(int index) {
    Objects.checkIndex(index, length);
    return data[offset + index];
  }

  /** A fresh copy the caller may change. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  /** A read-only view, without copying: hand a payload to a channel without touching it. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(data, offset, length).slice().asReadOnlyBuffer();
  }

  /** Writes the bytes at {@code out}'s position and advances it. */
  public void writeTo(ByteBuffer out) {
    out.put(data, offset, length);
  }

  /** Lower-case hexadecimal, two digits a byte. */
  public String hex() {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = data[offset + i] & 0xff;
      out[2 * i] = HEX[b >>> 4];
      out[2 * i + 1] = HEX[b & 0x0f];
    }
    return new String(out);
  }

  /** Compares in time that depends only on the lengths, for MACs and keys. */
  public boolean constantTimeEquals(Bytes other) {
    if (other.length != length) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < length; i++) {
      diff |= data[offset + i] ^ other.data[other.offset + i];
    }
    return diff == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other
        && Arrays.equals(data, offset, offset + length, other.data, other.offset, other.offset + other.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + data[i];
    }
    return h;
  }

  /** Hex, shortened after 32 bytes: values end up in logs, payloads should not flood them. */
  @Override
  public String toString() {
    if (length <= TO_STRING_MAX_BYTES) {
      return "[" + hex() + "]";
    }
    return "[" + wrapUnshared(data, offset, TO_STRING_MAX_BYTES).hex() + "…](" + length + " bytes)";
  }
}
