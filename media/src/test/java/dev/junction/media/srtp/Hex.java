package dev.junction.media.srtp;

import java.util.HexFormat;

/** Hex for test vectors, which the RFCs print in groups separated by spaces and line breaks. */
final class Hex {

  private Hex() {}

  static byte[] decode(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  static String encode(byte[] bytes, int offset, int length) {
    return HexFormat.of().formatHex(bytes, offset, offset + length);
  }

  static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
