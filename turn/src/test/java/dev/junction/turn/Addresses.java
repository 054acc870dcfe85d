package dev.junction.turn;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals for tests, kept in the form written. */
final class Addresses {

  private Addresses() {}

  /**
   * The address {@code literal} names; {@code ::ffff:a.b.c.d} stays an Inet6Address, as a decoded
   * XOR-PEER-ADDRESS is ({@link InetAddress#getByName} would unwrap it to IPv4).
   */
  static InetAddress literal(String literal) {
    try {
      InetAddress parsed = InetAddress.getByName(literal);
      if (literal.contains(":") && !(parsed instanceof Inet6Address)) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
        return Inet6Address.getByAddress(null, mapped, -1);
      }
      return parsed;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
