package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attribute encodes and decodes to an equal value, with the wire layout its RFC gives. */
class AttributeRoundTripTest {

  static Stream<StunAttribute> everyAttribute() {
    return Samples.everyAttribute().stream();
  }

  @ParameterizedTest
  @MethodSource("everyAttribute")
  void roundTrips(StunAttribute attribute) throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random()).add(attribute).encode();

    assertThat(bytes.length % 4).as("padded to 32 bits").isZero();
    assertThat(StunDecoder.decode(bytes).message().attributes()).containsExactly(attribute);
  }

  @Test
  void allTogetherInOneMessageKeepTheirOrder() throws Exception {
    StunMessage.Builder builder = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random());
    Samples.everyAttribute().forEach(builder::add);

    byte[] bytes = builder.encode();

    assertThat(bytes).hasSize(builder.encodedLength());
    assertThat(StunDecoder.decode(bytes).message().attributes()).containsExactlyElementsOf(Samples.everyAttribute());
  }

  /** The trailer attributes are computed by the builder; they decode into their records too. */
  @Test
  void integrityAndFingerprintDecodeIntoTheirRecords() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .messageIntegrity(Samples.KEY)
        .messageIntegritySha256(Samples.KEY)
        .fingerprint()
        .encode();

    List<StunAttribute> attributes = StunDecoder.decode(bytes).message().attributes();

    assertThat(attributes).hasSize(3);
    assertThat(attributes.get(0)).isInstanceOf(MessageIntegrity.class);
    assertThat(attributes.get(1)).isInstanceOf(MessageIntegritySha256.class);
    assertThat(((MessageIntegritySha256) attributes.get(1)).hmac().size()).isEqualTo(32);
    assertThat(attributes.get(2)).isInstanceOf(Fingerprint.class);
  }

  /** A new attribute record without a sample here would go untested: this notices. */
  @Test
  void theSamplesCoverEveryAttributeRecord() {
    Set<Class<?>> records = new HashSet<>();
    List<Class<?>> pending = new ArrayList<>(Arrays.asList(StunAttribute.class.getPermittedSubclasses()));
    while (!pending.isEmpty()) {
      Class<?> type = pending.remove(0);
      if (type.isInterface()) {
        pending.addAll(Arrays.asList(type.getPermittedSubclasses()));
      } else {
        records.add(type);
      }
    }
    Set<Class<?>> sampled = new HashSet<>();
    Samples.everyAttribute().forEach(a -> sampled.add(a.getClass()));
    sampled.addAll(List.of(MessageIntegrity.class, MessageIntegritySha256.class, Fingerprint.class));

    assertThat(sampled).containsExactlyInAnyOrderElementsOf(records);
  }

  /** Type numbers from the IANA "STUN Attributes" registry. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "MAPPED-ADDRESS, 0x0001", "USERNAME, 0x0006", "MESSAGE-INTEGRITY, 0x0008", "ERROR-CODE, 0x0009",
    "UNKNOWN-ATTRIBUTES, 0x000A", "CHANNEL-NUMBER, 0x000C", "LIFETIME, 0x000D", "XOR-PEER-ADDRESS, 0x0012",
    "DATA, 0x0013", "REALM, 0x0014", "NONCE, 0x0015", "XOR-RELAYED-ADDRESS, 0x0016",
    "REQUESTED-ADDRESS-FAMILY, 0x0017", "EVEN-PORT, 0x0018", "REQUESTED-TRANSPORT, 0x0019",
    "DONT-FRAGMENT, 0x001A", "MESSAGE-INTEGRITY-SHA256, 0x001C", "PASSWORD-ALGORITHM, 0x001D",
    "USERHASH, 0x001E", "XOR-MAPPED-ADDRESS, 0x0020", "RESERVATION-TOKEN, 0x0022", "PRIORITY, 0x0024",
    "USE-CANDIDATE, 0x0025", "ADDITIONAL-ADDRESS-FAMILY, 0x8000", "PASSWORD-ALGORITHMS, 0x8002",
    "SOFTWARE, 0x8022", "ALTERNATE-SERVER, 0x8023", "FINGERPRINT, 0x8028", "ICE-CONTROLLED, 0x8029",
    "ICE-CONTROLLING, 0x802A",
  })
  void typeNumbersAreTheRegisteredOnes(String name, String type) {
    assertThat(AttributeTypes.name(Integer.decode(type))).isEqualTo(name);
  }

  /** Value bytes as drawn in RFC 8656 and RFC 8445 §16.1; "RFFU" bits are zero. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wireLayouts")
  void valuesHaveTheRfcLayout(StunAttribute attribute, String header, String valueAndPadding) throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random()).add(attribute).encode();

    assertThat(Bytes.copyOf(bytes, 20, bytes.length - 20).hex()).isEqualTo((header + valueAndPadding).replace(" ", ""));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> wireLayouts() {
    return Stream.of(
        args(new ChannelNumber(0x4000), "000c 0004", "4000 0000"),
        args(new Lifetime(600), "000d 0004", "0000 0258"),
        args(RequestedTransport.UDP, "0019 0004", "1100 0000"),
        args(RequestedAddressFamily.IPV6, "0017 0004", "0200 0000"),
        args(AdditionalAddressFamily.IPV6, "8000 0004", "0200 0000"),
        args(DontFragment.INSTANCE, "001a 0000", ""),
        args(new EvenPort(true), "0018 0001", "8000 0000"),
        args(new EvenPort(false), "0018 0001", "0000 0000"),
        args(new ReservationToken(0x0102030405060708L), "0022 0008", "0102 0304 0506 0708"),
        args(new Priority(0x6e0001ffL), "0024 0004", "6e00 01ff"),
        args(UseCandidate.INSTANCE, "0025 0000", ""),
        args(new IceControlling(1), "802a 0008", "0000 0000 0000 0001"),
        args(new Data(Samples.bytes(1, 2, 3, 4, 5)), "0013 0005", "0102 0304 0500 0000"),
        args(new UnknownAttributes(List.of(0x0022, 0x7FFF, 0x1234)), "000a 0006", "0022 7fff 1234 0000"),
        args(PasswordAlgorithms.of(new PasswordAlgorithm(0x1234, Samples.bytes(7)), PasswordAlgorithm.MD5),
            "8002 000c", "1234 0001 0700 0000 0001 0000"),
        args(new Username("abc"), "0006 0003", "6162 6300"));
  }

  private static org.junit.jupiter.params.provider.Arguments args(Object... values) {
    return org.junit.jupiter.params.provider.Arguments.of(values);
  }

  /** "Agents MUST ignore the value of the RFFU bits" (RFC 8656). */
  @Test
  void reservedBitsAreIgnoredOnReceipt() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(new ChannelNumber(0x4000))
        .add(RequestedTransport.UDP)
        .add(new EvenPort(true))
        .encode();
    bytes[26] = (byte) 0xFF; // CHANNEL-NUMBER RFFU
    bytes[33] = (byte) 0xFF; // REQUESTED-TRANSPORT RFFU
    bytes[40] |= 0x7F; // EVEN-PORT RFFU bits after R

    assertThat(StunDecoder.decode(bytes).message().attributes())
        .containsExactly(new ChannelNumber(0x4000), RequestedTransport.UDP, new EvenPort(true));
  }

  @Test
  void unknownComprehensionRequiredAttributesAreListedForA420() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(new UnknownAttribute(0x7001, Samples.bytes(1)))
        .add(new UnknownAttribute(0x8001, Samples.bytes(2))) // comprehension-optional: may be ignored
        .add(new UnknownAttribute(0x0042, Bytes.EMPTY))
        .add(new UnknownAttribute(0x7001, Samples.bytes(3))) // listed once
        .add(UseCandidate.INSTANCE) // known to the codec, even if a TURN server has no use for it
        .encode();

    StunMessage message = StunDecoder.decode(bytes).message();

    assertThat(message.unknownComprehensionRequired()).containsExactly(0x7001, 0x0042);
    assertThat(new UnknownAttribute(0x7001, Bytes.EMPTY).comprehensionRequired()).isTrue();
    assertThat(new UnknownAttribute(0x8001, Bytes.EMPTY).comprehensionRequired()).isFalse();
    assertThat(StunAttribute.isComprehensionRequired(0x7FFF)).isTrue();
    assertThat(StunAttribute.isComprehensionRequired(0x8000)).isFalse();
  }

  /** RFC 8489 §14: "only the first occurrence needs to be processed"; coturn made Send first-wins. */
  @Test
  void repeatedAttributesAreKeptInOrderAndTheFirstWins() throws Exception {
    XorPeerAddress first = new XorPeerAddress(Rfc5769Test.address("192.0.2.1", 1));
    XorPeerAddress second = new XorPeerAddress(Rfc5769Test.address("127.0.0.1", 2));
    byte[] bytes = StunMessage.builder(MessageType.SEND_INDICATION, TransactionId.random())
        .add(first).add(second).add(new Data(Samples.bytes(1)))
        .encode();

    StunMessage message = StunDecoder.decode(bytes).message();

    assertThat(message.first(XorPeerAddress.class)).contains(first);
    assertThat(message.all(XorPeerAddress.class)).containsExactly(first, second);
    assertThat(message.first(AddressAttribute.class)).contains(first);
    assertThat(message.has(Data.class)).isTrue();
    assertThat(message.first(Username.class)).isEmpty();
  }
}
