package dev.junction.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * MAPPED-ADDRESS and its XOR form (RFC 8489 §14.1, §14.2), shared by XOR-MAPPED-ADDRESS,
 * XOR-PEER-ADDRESS, XOR-RELAYED-ADDRESS and (plain) ALTERNATE-SERVER.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                X-Address (Variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Family 0x01 is IPv4 (4-byte address), 0x02 IPv6 (16 bytes). "X-Port is computed by XOR'ing
 * the mapped port with the most significant 16 bits of the magic cookie"; an IPv4 X-Address is
 * XORed with the magic cookie, an IPv6 one with the cookie followed by the transaction id. The
 * first byte "MUST be set to 0 and MUST be ignored by receivers".
 */
final class AddressCodec {

  static final int FAMILY_IPV4 = 0x01;
  static final int FAMILY_IPV6 = 0x02;
  private static final int IPV4_LENGTH = 4 + 4;
  private static final int IPV6_LENGTH = 4 + 16;

  private AddressCodec() {}

  /**
   * @param message the whole message from offset 0, for the transaction id at bytes 8–19
   */
  static InetSocketAddress decode(int type, byte[] message, int off, int len, boolean xor)
      throws StunParseException {
    if (len < 4) {
      throw new StunParseException(
          "attribute " + AttributeTypes.describe(type) + " length " + len + " is shorter than its 4-byte family and port");
    }
    int family = Wire.u8(message, off + 1);
    int expected = switch (family) {
      case FAMILY_IPV4 -> IPV4_LENGTH;
      case FAMILY_IPV6 -> IPV6_LENGTH;
      default -> throw new StunParseException(String.format(
          "attribute %s address family 0x%02x is neither IPv4 (0x01) nor IPv6 (0x02)",
          AttributeTypes.describe(type), family));
    };
    if (len != expected) {
      throw new StunParseException("attribute " + AttributeTypes.describe(type) + " length " + len
          + " does not fit family " + (family == FAMILY_IPV4 ? "IPv4" : "IPv6") + ", which needs " + expected);
    }
    int port = Wire.u16(message, off + 2);
    byte[] address = new byte[expected - 4];
    System.arraycopy(message, off + 4, address, 0, address.length);
    if (xor) {
      port ^= StunMessage.MAGIC_COOKIE >>> 16;
      // The cookie and the transaction id are the 16 bytes right after the type and length.
      for (int i = 0; i < address.length; i++) {
        address[i] ^= message[4 + i];
      }
    }
    try {
      // Inet6Address.getByAddress keeps an IPv4-mapped address as IPv6, as it was sent;
      // InetAddress.getByAddress would turn it into an Inet4Address.
      InetAddress ip = family == FAMILY_IPV4 ? InetAddress.getByAddress(address) : Inet6Address.getByAddress(null, address, -1);
      return new InetSocketAddress(ip, port);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 and 16 are the lengths InetAddress accepts", e);
    }
  }

  static int valueLength(InetSocketAddress address) {
    return address.getAddress() instanceof Inet4Address ? IPV4_LENGTH : IPV6_LENGTH;
  }

  static void write(ByteBuffer out, InetSocketAddress socketAddress, boolean xor, TransactionId transactionId) {
    InetAddress ip = socketAddress.getAddress();
    byte[] address = ip.getAddress();
    int port = socketAddress.getPort();
    if (xor) {
      port ^= StunMessage.MAGIC_COOKIE >>> 16;
      byte[] mask = ByteBuffer.allocate(16).putInt(StunMessage.MAGIC_COOKIE).put(transactionId.toByteArray()).array();
      for (int i = 0; i < address.length; i++) {
        address[i] ^= mask[i];
      }
    }
    out.put((byte) 0);
    out.put((byte) (ip instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6));
    out.putShort((short) port);
    out.put(address);
  }
}
