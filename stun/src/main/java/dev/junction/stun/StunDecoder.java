package dev.junction.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads STUN messages (RFC 8489 §5, §14), strictly: anything malformed is a
 * {@link StunParseException} naming the rule, and no other exception escapes for any bytes.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |0 0|     STUN Message Type     |         Message Length        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Magic Cookie                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   |                     Transaction ID (96 bits)                  |
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *   then attributes, each TLV-encoded and padded to 32 bits (§14):
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Type                  |            Length             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Value (variable)                ....
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Rules enforced, in order: at least 20 bytes; the top two bits zero; the magic cookie; a length
 * that is a multiple of 4 and equals the bytes after the header (a datagram carries exactly one
 * message); each attribute's value and padding within the message; known attributes' sizes and
 * contents; FINGERPRINT, if present, last. Attributes after MESSAGE-INTEGRITY are ignored except
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, and after MESSAGE-INTEGRITY-SHA256 all but
 * FINGERPRINT (§9, §14.5, §14.6) — they still have to be well-framed.
 *
 * <p>Stateless and thread-safe. The message is copied once; the decoded values share that copy,
 * so the caller may reuse its buffer at once.
 */
public final class StunDecoder {

  /** RFC 7983: first byte 0–3 is STUN. */
  private static final int MAX_DEMULTIPLEXED_FIRST_BYTE = 3;

  private StunDecoder() {}

  /** Decodes all of {@code bytes}. */
  public static DecodedMessage decode(byte[] bytes) throws StunParseException {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code length} bytes from {@code offset}, which must be exactly one message.
   *
   * @throws IndexOutOfBoundsException if the range is not within the array: a caller's bug, not
   *     bad input
   */
  public static DecodedMessage decode(byte[] bytes, int offset, int length) throws StunParseException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    checkHeader(bytes, offset, length); // before copying: most junk fails here
    byte[] message = new byte[length];
    System.arraycopy(bytes, offset, message, 0, length);
    return decodeOwned(message);
  }

  /** Decodes the bytes between position and limit; the buffer's position does not move. */
  public static DecodedMessage decode(ByteBuffer buffer) throws StunParseException {
    return decode(buffer, buffer.position(), buffer.remaining());
  }

  /** Decodes {@code length} bytes from absolute index {@code offset}; the position does not move. */
  public static DecodedMessage decode(ByteBuffer buffer, int offset, int length) throws StunParseException {
    Objects.checkFromIndexSize(offset, length, buffer.limit());
    byte[] message = new byte[length];
    buffer.get(offset, message, 0, length);
    checkHeader(message, 0, length);
    return decodeOwned(message);
  }

  /**
   * Whether these bytes look like a STUN message, for demultiplexing a shared port (RFC 7983
   * §7): at least a header, a first byte of 0–3 and the magic cookie. Cheap, and not a
   * validation. RFC 8489 itself allows any first byte with the top two bits zero, but on a shared
   * port 16–19 is ZRTP's and 20–63 DTLS's, and no registered method needs those bits.
   */
  public static boolean isStun(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return length >= StunMessage.HEADER_LENGTH
        && (bytes[offset] & 0xFF) <= MAX_DEMULTIPLEXED_FIRST_BYTE
        && readInt(bytes, offset + 4) == StunMessage.MAGIC_COOKIE;
  }

  /** {@link #isStun(byte[], int, int)} for the bytes between position and limit. */
  public static boolean isStun(ByteBuffer buffer) {
    int p = buffer.position();
    return buffer.remaining() >= StunMessage.HEADER_LENGTH
        && (buffer.get(p) & 0xFF) <= MAX_DEMULTIPLEXED_FIRST_BYTE
        && (buffer.get(p + 4) & 0xFF) == 0x21
        && (buffer.get(p + 5) & 0xFF) == 0x12
        && (buffer.get(p + 6) & 0xFF) == 0xA4
        && (buffer.get(p + 7) & 0xFF) == 0x42;
  }

  private static void checkHeader(byte[] b, int off, int length) throws StunParseException {
    if (length < StunMessage.HEADER_LENGTH) {
      throw new StunParseException("message of " + length + " bytes is shorter than the 20-byte header");
    }
    if ((b[off] & 0xC0) != 0) {
      // "The most significant 2 bits of every STUN message MUST be zeroes" (§5): they tell STUN
      // from TURN ChannelData (0b01) and RTP (0b10) sharing its port.
      throw new StunParseException("the first two bits must be zero, got 0b" + Integer.toBinaryString((b[off] & 0xC0) >>> 6));
    }
    int cookie = readInt(b, off + 4);
    if (cookie != StunMessage.MAGIC_COOKIE) {
      throw new StunParseException(String.format("magic cookie is 0x%08x, not 0x2112a442", cookie));
    }
    int declared = Wire.u16(b, off + 2);
    if (declared % 4 != 0) {
      throw new StunParseException("message length " + declared + " is not a multiple of 4");
    }
    if (declared != length - StunMessage.HEADER_LENGTH) {
      throw new StunParseException("message length " + declared + " does not match the "
          + (length - StunMessage.HEADER_LENGTH) + " bytes after the header");
    }
  }

  /** Decodes a message this class owns: {@code message} is never written again. */
  private static DecodedMessage decodeOwned(byte[] message) throws StunParseException {
    MessageType type = MessageType.fromWire(Wire.u16(message, 0));
    TransactionId transactionId = TransactionId.read(message, 8);
    List<StunAttribute> attributes = new ArrayList<>();
    int integrity = -1;
    int integritySha256 = -1;
    int fingerprint = -1;
    int pos = StunMessage.HEADER_LENGTH;
    while (pos < message.length) {
      int left = message.length - pos;
      if (left < 4) { // cannot happen while the length is a multiple of 4; kept as the rule
        throw new StunParseException("attribute header at byte " + pos + " needs 4 bytes, " + left + " left");
      }
      int attributeType = Wire.u16(message, pos);
      int valueLength = Wire.u16(message, pos + 2);
      if (fingerprint >= 0) {
        throw new StunParseException("attribute " + AttributeTypes.describe(attributeType)
            + " follows FINGERPRINT, which must be the last attribute");
      }
      if (Wire.padded(valueLength) > left - 4) {
        throw new StunParseException("attribute " + AttributeTypes.describe(attributeType) + " length " + valueLength
            + (valueLength > left - 4 ? "" : " with its padding") + " exceeds the " + (left - 4) + " bytes left");
      }
      boolean ignored = attributeType != Fingerprint.TYPE
          && (integritySha256 >= 0 || integrity >= 0 && attributeType != MessageIntegritySha256.TYPE);
      if (!ignored) {
        attributes.add(AttributeDecoder.decode(attributeType, message, pos + 4, valueLength));
        switch (attributeType) {
          case MessageIntegrity.TYPE -> integrity = pos;
          case MessageIntegritySha256.TYPE -> integritySha256 = pos;
          case Fingerprint.TYPE -> fingerprint = pos;
          default -> {}
        }
      }
      pos += 4 + Wire.padded(valueLength);
    }
    return new DecodedMessage(
        new StunMessage(type, transactionId, attributes), message, integrity, integritySha256, fingerprint);
  }

  private static int readInt(byte[] b, int off) {
    return (int) Wire.u32(b, off);
  }
}
