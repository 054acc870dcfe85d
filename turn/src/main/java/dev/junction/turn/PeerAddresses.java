package dev.junction.turn;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4-in-IPv6 canonicalisation. A peer address is checked only after every IPv6 form that
 * embeds an IPv4 address has been reduced to that IPv4 address: coturn checked the raw form and
 * {@code ::ffff:127.0.0.1} walked past its loopback ban (CVE-2026-27624), after {@code [::1]} and
 * {@code 0.0.0.0} had done so before (CVE-2020-26262).
 */
public final class PeerAddresses {

  private PeerAddresses() {}

  /**
   * The IPv4 address embedded in {@code address} when it is IPv4-mapped ({@code ::ffff:a.b.c.d}),
   * IPv4-compatible ({@code ::a.b.c.d}, RFC 4291 §2.5.5.1) or NAT64 ({@code 64:ff9b::a.b.c.d},
   * RFC 6052); otherwise {@code address} itself. {@code ::} and {@code ::1} are not
   * IPv4-compatible forms and stay as they are. Tunnel prefixes (6to4, Teredo) are not unwrapped:
   * the policy refuses them outright (RFC 6156 §9.1).
   */
  public static InetAddress canonical(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return ipv4(b, 12);
    }
    if (allZero(b, 0, 12) && !allZero(b, 12, 15)) {
      return ipv4(b, 12);
    }
    if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
      return ipv4(b, 12);
    }
    return address;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Inet4Address ipv4(byte[] bytes, int offset) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an IPv4 address", e);
    }
  }
}
