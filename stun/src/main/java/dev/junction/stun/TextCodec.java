package dev.junction.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * USERNAME, REALM, NONCE, SOFTWARE and the ERROR-CODE reason: UTF-8 text without terminator.
 * The byte bound is checked before any decoding, so a long value costs nothing to refuse.
 */
final class TextCodec {

  /** "fewer than 128 characters (which can be as long as 763 bytes when decoding them)". */
  static final int MAX_TEXT_BYTES = 763;

  private TextCodec() {}

  static String decode(int type, byte[] message, int off, int len, int maxBytes) throws StunParseException {
    if (len > maxBytes) {
      throw new StunParseException(
          "attribute " + AttributeTypes.describe(type) + " length " + len + " exceeds its maximum of " + maxBytes + " bytes");
    }
    try {
      return Utf8.decode(message, off, len);
    } catch (CharacterCodingException e) {
      throw new StunParseException("attribute " + AttributeTypes.describe(type) + " is not valid UTF-8", e);
    }
  }

  static int valueLength(String text) {
    return Utf8.encodedLength(text);
  }

  static void write(ByteBuffer out, String text) {
    out.put(text.getBytes(StandardCharsets.UTF_8));
  }
}
