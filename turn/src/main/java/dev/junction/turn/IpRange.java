package dev.junction.turn;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR block such as {@code 10.0.0.0/8} or {@code fe80::/10}. An IPv4 range never contains an
 * IPv6 address and vice versa: callers canonicalise IPv4-in-IPv6 forms first ({@link
 * PeerAddresses#canonical}).
 */
public record IpRange(InetAddress network, int prefixLength) {

  public IpRange {
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length must be 0.." + bits + ", got " + prefixLength);
    }
  }

  /** Parses {@code address/prefix}, or a bare address as a single-host range. Literals only, no DNS. */
  public static IpRange parse(String cidr) {
    String text = cidr.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!isLiteral(address)) {
      throw new IllegalArgumentException("not an IP address: '" + address + "' in '" + cidr + "'");
    }
    InetAddress network;
    try {
      network = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + address + "' in '" + cidr + "'", e);
    }
    int bits = network.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length in '" + cidr + "'", e);
    }
    return new IpRange(network, prefix);
  }

  /** Whether {@code address} (of the same family) lies in this range. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    byte[] base = network.getAddress();
    if (candidate.length != base.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != base[i]) {
        return false;
      }
    }
    int restBits = prefixLength % 8;
    if (restBits == 0) {
      return true;
    }
    int mask = (0xff << (8 - restBits)) & 0xff;
    return (candidate[fullBytes] & mask) == (base[fullBytes] & mask);
  }

  /** IPv4 dotted quads and IPv6 hex-and-colons only: InetAddress.getByName would resolve a name. */
  private static boolean isLiteral(String address) {
    return !address.isEmpty() && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
