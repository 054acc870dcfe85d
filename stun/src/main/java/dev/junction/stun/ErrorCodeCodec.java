package dev.junction.stun;

import java.nio.ByteBuffer;

/**
 * ERROR-CODE (RFC 8489 §14.8).
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Reserved, should be 0         |Class|     Number    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |      Reason Phrase (variable)                                ..
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "The Class represents the hundreds digit of the error code. The value MUST be between 3 and 6.
 * The Number represents the binary encoding of the error code modulo 100, and its value MUST be
 * between 0 and 99." The 21 reserved bits are ignored on receipt.
 */
final class ErrorCodeCodec {

  private ErrorCodeCodec() {}

  static ErrorCode decode(byte[] message, int off, int len) throws StunParseException {
    String attribute = AttributeTypes.describe(ErrorCode.TYPE);
    if (len < 4) {
      throw new StunParseException("attribute " + attribute + " length " + len + " is shorter than its 4-byte code");
    }
    int errorClass = Wire.u8(message, off + 2) & 0x07;
    int number = Wire.u8(message, off + 3);
    if (errorClass < 3 || errorClass > 6) {
      throw new StunParseException("attribute " + attribute + " class " + errorClass + " is not between 3 and 6");
    }
    if (number > 99) {
      throw new StunParseException("attribute " + attribute + " number " + number + " is not between 0 and 99");
    }
    String reason = TextCodec.decode(ErrorCode.TYPE, message, off + 4, len - 4, TextCodec.MAX_TEXT_BYTES);
    return new ErrorCode(errorClass * 100 + number, reason);
  }

  static int valueLength(ErrorCode error) {
    return 4 + TextCodec.valueLength(error.reason());
  }

  static void write(ByteBuffer out, ErrorCode error) {
    out.putShort((short) 0);
    out.put((byte) error.errorClass());
    out.put((byte) error.number());
    TextCodec.write(out, error.reason());
  }
}
