package dev.junction.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Argument checks shared by the attribute records. They throw {@link IllegalArgumentException}
 * naming the rule; the decoder turns that into a {@link StunParseException} for received values.
 */
final class Checks {

  private Checks() {}

  static InetSocketAddress resolved(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("address must be resolved, got unresolved " + address);
    }
    return address;
  }

  static int unsigned8(String what, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(what + " is 8 bits, got " + value);
    }
    return value;
  }

  static int unsigned16(String what, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(what + " is 16 bits, got " + value);
    }
    return value;
  }

  static long unsigned32(String what, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " is 32 bits, got " + value);
    }
    return value;
  }

  static Bytes size(String what, Bytes value, int size) {
    Objects.requireNonNull(value, what);
    if (value.size() != size) {
      throw new IllegalArgumentException(what + " has " + size + " bytes, got " + value.size());
    }
    return value;
  }

  /** USERNAME-style limit: at most {@code maxBytes} bytes of UTF-8. */
  static String utf8AtMost(String what, String value, int maxBytes) {
    Objects.requireNonNull(value, what);
    int bytes = Utf8.encodedLength(value);
    if (bytes > maxBytes) {
      throw new IllegalArgumentException(what + " must be at most " + maxBytes + " bytes of UTF-8, got " + bytes);
    }
    return value;
  }

  /**
   * REALM, NONCE, SOFTWARE and the ERROR-CODE reason: "fewer than 128 characters (which can be
   * as long as 763 bytes when decoding them)" (RFC 8489 §14.9, §14.10, §14.14, §14.8).
   */
  static String fewerThan128Characters(String what, String value) {
    Objects.requireNonNull(value, what);
    Utf8.encodedLength(value); // rejects unpaired surrogates, which UTF-8 cannot carry
    int characters = value.codePointCount(0, value.length());
    if (characters >= 128) {
      throw new IllegalArgumentException(what + " must have fewer than 128 characters, got " + characters);
    }
    return value;
  }
}
