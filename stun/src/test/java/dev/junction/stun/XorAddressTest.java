package dev.junction.stun;

import static dev.junction.stun.Rfc5769Test.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * RFC 8489 §14.2: X-Port is the port XOR the cookie's top 16 bits; an IPv4 X-Address is XORed with
 * the magic cookie, an IPv6 one with the cookie followed by the transaction id.
 */
class XorAddressTest {

  private static final TransactionId RFC5769_ID = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

  @Test
  void ipv4IsXoredWithTheCookieAlone() throws Exception {
    // 32853 = 0x8055, 0x8055 ^ 0x2112 = 0xa147; c0000201 ^ 2112a442 = e112a643 (RFC 5769 §2.2)
    for (TransactionId id : new TransactionId[] {RFC5769_ID, TransactionId.random()}) {
      assertThat(valueHex(new XorMappedAddress(address("192.0.2.1", 32853)), id)).isEqualTo("0001a147e112a643");
    }
  }

  @Test
  void ipv6IsXoredWithTheCookieAndTheTransactionId() throws Exception {
    XorMappedAddress attribute = new XorMappedAddress(address("2001:db8:1234:5678:11:2233:4455:6677", 32853));

    assertThat(valueHex(attribute, RFC5769_ID)).isEqualTo("0002a1470113a9faa5d3f179bc25f4b5bed2b9d9"); // §2.3
    assertThat(valueHex(attribute, TransactionId.fromHex("000000000000000000000000")))
        .isEqualTo("0002a147" + "0113a9fa" + "12345678" + "00112233" + "44556677");
  }

  @Test
  void peerAndRelayedAddressesUseTheSameXor() throws Exception {
    InetSocketAddress address = address("192.0.2.1", 32853);

    assertThat(valueHex(new XorPeerAddress(address), RFC5769_ID)).isEqualTo("0001a147e112a643");
    assertThat(valueHex(new XorRelayedAddress(address), RFC5769_ID)).isEqualTo("0001a147e112a643");
  }

  @Test
  void mappedAddressAndAlternateServerAreNotXored() throws Exception {
    assertThat(valueHex(new MappedAddress(address("192.0.2.1", 32853)), RFC5769_ID)).isEqualTo("00018055c0000201");
    assertThat(valueHex(new AlternateServer(address("::1", 3478)), RFC5769_ID))
        .isEqualTo("00020d96" + "00000000000000000000000000000001");
  }

  /**
   * An IPv4-mapped IPv6 address sent as family IPv6 stays IPv6, as sent: the family matters to
   * TURN (443), and a relay policy must canonicalise it itself (CVE-2026-27624 class).
   */
  @Test
  void anIpv4MappedIpv6AddressStaysIpv6() throws Exception {
    XorPeerAddress mapped = new XorPeerAddress(ipv4MappedIpv6(127, 0, 0, 1, 80));
    byte[] bytes = StunMessage.builder(MessageType.SEND_INDICATION, TransactionId.random()).add(mapped).encode();

    XorPeerAddress decoded = StunDecoder.decode(bytes).message().first(XorPeerAddress.class).orElseThrow();

    assertThat(bytes[25]).as("family").isEqualTo((byte) 0x02);
    assertThat(decoded.address().getAddress()).isInstanceOf(Inet6Address.class);
    assertThat(decoded.address().getAddress().getAddress()).hasSize(16);
    assertThat(decoded).isEqualTo(mapped);
  }

  @Test
  void ipv4DecodesToAnInet4Address() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_SUCCESS, TransactionId.random())
        .add(new XorMappedAddress(address("203.0.113.9", 1)))
        .encode();

    InetSocketAddress decoded =
        StunDecoder.decode(bytes).message().first(XorMappedAddress.class).orElseThrow().address();

    assertThat(decoded.getAddress()).isInstanceOf(Inet4Address.class);
    assertThat(decoded).isEqualTo(address("203.0.113.9", 1));
  }

  /** "MUST be set to 0 and MUST be ignored by receivers." */
  @Test
  void theFirstByteIsIgnoredOnReceipt() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_SUCCESS, RFC5769_ID)
        .add(new XorMappedAddress(address("192.0.2.1", 32853)))
        .encode();
    bytes[24] = (byte) 0xFF;

    assertThat(StunDecoder.decode(bytes).message().first(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(address("192.0.2.1", 32853));
  }

  @Test
  void anUnresolvedHostNameIsNoAddress() {
    assertThatThrownBy(() -> new XorPeerAddress(InetSocketAddress.createUnresolved("example.org", 80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("address must be resolved");
  }

  /** {@code InetAddress.getByName("::ffff:127.0.0.1")} would return an Inet4Address. */
  static InetSocketAddress ipv4MappedIpv6(int a, int b, int c, int d, int port) throws Exception {
    byte[] ip = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c, (byte) d};
    return new InetSocketAddress(Inet6Address.getByAddress(null, ip, -1), port);
  }

  private static String valueHex(StunAttribute attribute, TransactionId id) {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_SUCCESS, id).add(attribute).encode();
    return Bytes.copyOf(bytes, 24, bytes.length - 24).hex();
  }
}
