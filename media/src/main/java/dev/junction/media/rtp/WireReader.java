package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
/**
 * Reads big-endian fields from a private copy of a received packet. Every read checks the bytes
 * left and throws {@link RtpParseException} naming the field, so decoders never meet an
 * index or buffer exception. Confined to the decoding thread.
 */
final class WireReader {

  private final byte[] data;
  private int position;
  private final int limit;

  WireReader(byte[] data, int offset, int length) {
    this.data = data;
    this.position = offset;
    this.limit = offset + length;
  }

  int remaining() {
    return limit - position;
  }

  int position() {
    return position;
  }

  int u8(String field) throws RtpParseException {
    require(1, field);
    return data[position++] & 0xff;
  }

  int u16(String field) throws RtpParseException {
    require(2, field);
    int value = (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
    position += 2;
    return value;
  }

  int u24(String field) throws RtpParseException {
    require(3, field);
    int value = (data[position] & 0xff) << 16 | (data[position + 1] & 0xff) << 8 | data[position + 2] & 0xff;
    position += 3;
    return value;
  }

  long u32(String field) throws RtpParseException {
    require(4, field);
    long value = (data[position] & 0xffL) << 24 | (data[position + 1] & 0xff) << 16
        | (data[position + 2] & 0xff) << 8 | data[position + 3] & 0xff;
    position += 4;
    return value;
  }

  long u64(String field) throws RtpParseException {
    require(8, field);
    long high = u32(field);
    return high << 32 | u32(field);
  }

  /** The next {@code count} bytes, sharing the private copy. */
  Bytes bytes(int count, String field) throws RtpParseException {
    require(count, field);
    Bytes value = Bytes.wrapUnshared(data, position, count);
    position += count;
    return value;
  }

  /** A reader over the next {@code count} bytes; this one skips past them. */
  WireReader split(int count, String field) throws RtpParseException {
    require(count, field);
    WireReader part = new WireReader(data, position, count);
    position += count;
    return part;
  }

  void skip(int count, String field) throws RtpParseException {
    require(count, field);
    position += count;
  }

  private void require(int count, String field) throws RtpParseException {
    if (count < 0 || count > limit - position) {
      throw new RtpParseException(field + " needs " + count + " bytes, " + (limit - position) + " left");
    }
  }
}
