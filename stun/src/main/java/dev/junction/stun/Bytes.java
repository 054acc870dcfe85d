package dev.junction.stun;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes, after Okio's {@code Bytes}: RTP payloads, NAL units and
 * opaque RTCP bodies are held as these, never as a bare {@code byte[]}, so a record cannot be
 * changed behind its back.
 *
 * <p>Factories copy what they are given. A decoder copies a received datagram once and lets the
 * values it decodes share that private copy; {@link #slice} shares too. Nobody holds a reference
 * that could write to a shared array, so sharing is safe. A {@link Builder} hands its array over
 * on {@link Builder#build()} and refuses to be used afterwards.
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
    return wrapUnshared(copy, 0, copy.length);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    return wrapUnshared(encoded, 0, encoded.length);
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
    return wrapUnshared(out, 0, out.length);
  }

  /** A builder for a sequence of {@code capacity} bytes or fewer. */
  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  /** Wraps an array nobody else holds; the caller promises never to write to it again. */
  public static Bytes wrapUnshared(byte[] data, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(data, offset, length);
  }

  /** The number of bytes. */
  public int size() {
    return length;
  }

  /** True if there are no bytes. */
  public boolean isEmpty() {
    return length == 0;
  }

  /** The byte at {@code index}, 0 ≤ index &lt; size. */
  public byte get(int index) {
    Objects.checkIndex(index, length);
    return data[offset + index];
  }

  /** The byte at {@code index} as an unsigned number 0–255. */
  public int getUnsigned(int index) {
    return get(index) & 0xff;
  }

  /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), sharing this one's storage. */
  public Bytes slice(int from, int to) {
    Objects.checkFromToIndex(from, to, length);
    if (from == 0 && to == length) {
      return this;
    }
    return wrapUnshared(data, offset + from, to - from);
  }

  /** The bytes from {@code from} to the end, sharing this one's storage. */
  public Bytes slice(int from) {
    return slice(from, length);
  }

  /** True if this sequence begins with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.length <= length
        && Arrays.equals(data, offset, offset + prefix.length, prefix.data, prefix.offset, prefix.offset + prefix.length);
  }

  /** A fresh copy the caller may change. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  /** Copies the bytes into {@code destination} from {@code destinationOffset}. */
  public void copyTo(byte[] destination, int destinationOffset) {
    System.arraycopy(data, offset, destination, destinationOffset, length);
  }

  /** Copies {@code count} bytes from {@code from} into {@code destination} at {@code destinationOffset}. */
  public void copyTo(int from, byte[] destination, int destinationOffset, int count) {
    Objects.checkFromIndexSize(from, count, length);
    System.arraycopy(data, offset + from, destination, destinationOffset, count);
  }

  /** A read-only view, without copying: hand a payload to a channel without touching it. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(data, offset, length).slice().asReadOnlyBuffer();
  }

  /** Writes the bytes at {@code out}'s position and advances it. */
  public void writeTo(ByteBuffer out) {
    out.put(data, offset, length);
  }

  /** Decodes the bytes as UTF-8, replacing malformed input (for text items in logs and tests). */
  public String utf8() {
    return new String(data, offset, length, StandardCharsets.UTF_8);
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

  /**
   * Writes bytes into a fixed-capacity array, then hands it over as a {@link Bytes} without
   * copying. Confined to the thread that made it; unusable after {@link #build()}.
   */
  public static final class Builder {

    private byte[] data;
    private int size;

    private Builder(int capacity) {
      if (capacity < 0) {
        throw new IllegalArgumentException("capacity < 0: " + capacity);
      }
      this.data = new byte[capacity];
    }

    /** Appends the low 8 bits of {@code value}. */
    public Builder writeByte(int value) {
      ensure(1);
      data[size++] = (byte) value;
      return this;
    }

    /** Appends the low 16 bits of {@code value}, network byte order. */
    public Builder writeShort(int value) {
      ensure(2);
      data[size++] = (byte) (value >>> 8);
      data[size++] = (byte) value;
      return this;
    }

    /** Appends all of {@code bytes}. */
    public Builder write(Bytes bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes.data, bytes.offset, data, size, bytes.length);
      size += bytes.length;
      return this;
    }

    /** Appends {@code count} bytes of {@code bytes} from {@code from}. */
    public Builder write(Bytes bytes, int from, int count) {
      Objects.checkFromIndexSize(from, count, bytes.length);
      ensure(count);
      System.arraycopy(bytes.data, bytes.offset + from, data, size, count);
      size += count;
      return this;
    }

    /** The bytes written so far. */
    public int size() {
      return size;
    }

    /** The bytes written; the builder cannot be used again. */
    public Bytes build() {
      if (data == null) {
        throw new IllegalStateException("build() was already called");
      }
      byte[] built = data;
      data = null;
      return wrapUnshared(built, 0, size);
    }

    private void ensure(int count) {
      if (data == null) {
        throw new IllegalStateException("build() was already called");
      }
      if (count > data.length - size) {
        throw new IllegalStateException(
            "capacity " + data.length + " exceeded: " + size + " written, " + count + " more");
      }
    }
  }
}
