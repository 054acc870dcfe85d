package dev.junction.media.sdp;

import java.util.List;

/**
 * The {@code o=} line (RFC 8866 §5.2):
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}.
 *
 * <p>JSEP (RFC 8829 §5.2.1) fills it with {@code -}, a 63-bit random session id, a version that
 * grows with each new offer of the session, and {@code IN IP4 127.0.0.1}. The id is a decimal
 * string here: RFC 8866 allows any digits, and some stacks send more than 64 bits' worth.
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addressType,
    String address) {

  private static final String RULE = "RFC 8866 §5.2";

  public Origin {
    if (username.isEmpty() || username.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("o= username must be one non-empty field (" + RULE + "): '" + username + "'");
    }
    if (!Grammar.isDigits(sessionId)) {
      throw new IllegalArgumentException("o= sess-id must be digits (" + RULE + "): " + sessionId);
    }
    if (sessionVersion < 0) {
      throw new IllegalArgumentException("o= sess-version must not be negative: " + sessionVersion);
    }
    for (String field : List.of(netType, addressType, address)) {
      if (field.isEmpty() || field.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("o= fields must be non-empty without spaces: '" + field + "'");
      }
    }
  }

  /** JSEP's origin: {@code - <id> <version> IN IP4 127.0.0.1}. */
  public static Origin jsep(long sessionId, long sessionVersion) {
    if (sessionId < 0) {
      throw new IllegalArgumentException("a JSEP sess-id is 63 bits, the highest bit zero (RFC 8829 §5.2.1): " + sessionId);
    }
    return new Origin("-", Long.toString(sessionId), sessionVersion, "IN", "IP4", "127.0.0.1");
  }

  static Origin parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() != 6) {
      throw new SdpParseException("o= needs 6 fields '<username> <sess-id> <sess-version> <nettype> <addrtype>"
          + " <unicast-address>', got " + f.size() + " (" + RULE + ")");
    }
    if (!Grammar.isDigits(f.get(1))) {
      throw new SdpParseException("o= sess-id '" + f.get(1) + "' is not a decimal number (" + RULE + ")");
    }
    long version = Grammar.number(f.get(2), 19, Long.MAX_VALUE, "o= sess-version", RULE);
    return new Origin(f.get(0), f.get(1), version, f.get(3), f.get(4), f.get(5));
  }

  /** The value after {@code o=}. */
  public String value() {
    return String.join(" ", username, sessionId, Long.toString(sessionVersion), netType, addressType, address);
  }

  /** The {@code o=} line. */
  public SdpLine toLine() {
    return new SdpLine('o', value());
  }
}
