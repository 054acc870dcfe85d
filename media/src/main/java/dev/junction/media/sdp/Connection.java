package dev.junction.media.sdp;

import java.net.InetAddress;
import java.util.List;

/**
 * The {@code c=} line (RFC 8866 §5.7): {@code c=<nettype> <addrtype> <connection-address>}, e.g.
 * {@code c=IN IP4 203.0.113.7}. With ICE it names the default candidate's address (RFC 8839
 * §4.2.1.1), or {@code 0.0.0.0} before any candidate is known (RFC 8829 §5.2.1).
 */
public record Connection(String netType, String addressType, String address) {

  private static final String RULE = "RFC 8866 §5.7";

  public Connection {
    for (String field : List.of(netType, addressType, address)) {
      if (field.isEmpty() || Grammar.fields(field).size() != 1) {
        throw new IllegalArgumentException("c= fields must be non-empty without spaces (" + RULE + "): '" + field + "'");
      }
    }
  }

  /** {@code IN IP4 <address>} or {@code IN IP6 <address>}. */
  public static Connection of(InetAddress address) {
    return new Connection("IN", IpLiteral.addressType(address), IpLiteral.format(address));
  }

  static Connection parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() != 3) {
      throw new SdpParseException(
          "c= needs '<nettype> <addrtype> <connection-address>', got " + f.size() + " fields (" + RULE + ")");
    }
    return new Connection(f.get(0), f.get(1), f.get(2));
  }

  /** The value after {@code c=}. */
  public String value() {
    return netType + " " + addressType + " " + address;
  }

  /** The {@code c=} line. */
  public SdpLine toLine() {
    return new SdpLine('c', value());
  }
}
