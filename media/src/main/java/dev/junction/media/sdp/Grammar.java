package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;

/** The ABNF building blocks the attribute parsers share (RFC 8866 §9, RFC 8839 §5.1). */
final class Grammar {

  private Grammar() {}

  /**
   * The fields of a value separated by spaces. The grammars say one SP; runs of spaces and tabs
   * are accepted too, as libwebrtc's and Firefox's parsers do in practice.
   */
  static List<String> fields(String value) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && isBlank(value.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isBlank(value.charAt(i))) {
        i++;
      }
      if (i > start) {
        fields.add(value.substring(start, i));
      }
    }
    return fields;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** {@code ice-char = ALPHA / DIGIT / "+" / "/"} (RFC 8839 §5.1). */
  static boolean isIceChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/';
  }

  /** Whether {@code s} is {@code min*max ice-char}. */
  static boolean isIceChars(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isIceChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code token = 1*(token-char)} (RFC 8866 §9). */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean tokenChar = c == 0x21 || c >= 0x23 && c <= 0x27 || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
          || c >= 0x30 && c <= 0x39 || c >= 0x41 && c <= 0x5A || c >= 0x5E && c <= 0x7E;
      if (!tokenChar) {
        return false;
      }
    }
    return true;
  }

  /**
   * A decimal number of 1 to {@code maxDigits} digits, at most {@code max}.
   *
   * @param what names the field in the error, e.g. {@code "a=candidate priority"}
   * @param rule the RFC section, e.g. {@code "RFC 8839 §5.1"}
   */
  static long number(String field, int maxDigits, long max, String what, String rule) throws SdpParseException {
    if (field.isEmpty() || field.length() > maxDigits) {
      throw new SdpParseException(what + " '" + field + "' must be 1-" + maxDigits + " digits (" + rule + ")");
    }
    if (!isDigits(field)) {
      throw new SdpParseException(what + " '" + field + "' is not a decimal number (" + rule + ")");
    }
    long value = 0;
    for (int i = 0; i < field.length(); i++) {
      // max / 10 first: 19 digits could overflow a long
      if (value > (max - (field.charAt(i) - '0')) / 10) {
        throw new SdpParseException(what + " " + field + " exceeds " + max + " (" + rule + ")");
      }
      value = value * 10 + (field.charAt(i) - '0');
    }
    return value;
  }

  /** Whether {@code s} is 1 or more ASCII digits. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A port, 0-65535. */
  static int port(String field, String what, String rule) throws SdpParseException {
    return (int) number(field, 5, 65_535, what, rule);
  }

  /** An RTP payload type, 0-127 (RFC 3550 §5.1: 7 bits). */
  static int payloadType(String field, String what) throws SdpParseException {
    return (int) number(field, 3, 127, what, "RFC 3550 §5.1: payload types are 7 bits");
  }

  /** The value of a value attribute, or an error naming it. */
  static String requireValue(SdpLine line, String rule) throws SdpParseException {
    return line.attributeValue()
        .filter(v -> !v.isEmpty())
        .orElseThrow(() -> new SdpParseException("a=" + line.attributeName() + " needs a value (" + rule + ")"));
  }
}
