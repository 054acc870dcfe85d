package dev.junction.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629) for the text attributes. The JDK's {@code new String(bytes, UTF_8)}
 * would replace a malformed sequence with U+FFFD; a USERNAME changed that way would derive a
 * different key than the client used, so malformed text is refused instead.
 */
final class Utf8 {

  private Utf8() {}

  /** The length of {@code s} in UTF-8, without encoding it; refuses unpaired surrogates. */
  static int encodedLength(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("unpaired surrogate at index " + i + " cannot be encoded in UTF-8");
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Decodes strictly: a malformed sequence is an error, not a replacement character. */
  static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    boolean ascii = true;
    for (int i = offset; i < offset + length && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) { // the usual case, without a decoder object
      return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, length))
        .toString();
  }
}
