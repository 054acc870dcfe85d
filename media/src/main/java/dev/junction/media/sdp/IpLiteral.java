package dev.junction.media.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read and written without ever asking DNS: an SDP address may be a name
 * (mDNS {@code <uuid>.local}, RFC 8839 FQDN), and {@link InetAddress#getByName} would resolve it.
 */
final class IpLiteral {

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private IpLiteral() {}

  /**
   * The address if {@code text} is a dotted-quad IPv4 or an IPv6 literal; empty for names. IPv4
   * must be four decimal parts (the JDK alone would also take {@code 127.1}); any text with a
   * colon goes to the JDK's IPv6 parser, which never resolves a string that contains one.
   */
  static Optional<InetAddress> parse(String text) {
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && text.indexOf(':') < 0) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      return v4 || address instanceof Inet6Address ? Optional.of(address) : Optional.empty();
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The address as SDP writes it: dotted quad, or IPv6 in the RFC 5952 §4 form (lower case,
   * leading zeros dropped, the longest run of two or more zero groups as {@code ::}, the first on
   * a tie), without brackets and without a scope.
   */
  static String format(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened (RFC 5952 §4.2.2)
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    return s.toString();
  }

  /** {@code IP4} or {@code IP6}, the addrtype of o= and c= lines (RFC 8866 §5.7). */
  static String addressType(InetAddress address) {
    return address instanceof Inet6Address ? "IP6" : "IP4";
  }
}
