package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule the decoder enforces, broken once. The exception's message names the rule, so a
 * log line says what was wrong with a datagram.
 */
class MalformedMessageTest {

  private static final String ID = "0102030405060708090a0b0c";

  // ---- header (RFC 8489 §5) ----

  @Test
  void aMessageHasAtLeastTheHeader() {
    assertRejected(new byte[0], "message of 0 bytes is shorter than the 20-byte header");
    assertRejected(new byte[19], "message of 19 bytes is shorter than the 20-byte header");
  }

  /** What separates STUN from ChannelData (0x40–0x7F), RTP and DTLS on one port. */
  @Test
  void theFirstTwoBitsAreZero() {
    assertRejected(hex("4000 0004 2112a442 " + ID + " 01020304"), "the first two bits must be zero, got 0b1");
    assertRejected(hex("8001 0000 2112a442 " + ID), "the first two bits must be zero, got 0b10");
  }

  /** An RFC 3489 message has 16 random bytes where the cookie and id now are. */
  @Test
  void theMagicCookieIsPresent() {
    assertRejected(hex("0001 0000 a1b2c3d4 " + ID), "magic cookie is 0xa1b2c3d4, not 0x2112a442");
  }

  /** "the last 2 bits of this field are always zero". */
  @Test
  void theLengthIsAMultipleOf4() {
    assertRejected(hex("0001 0006 2112a442 " + ID + " 0025 0002 0000"), "message length 6 is not a multiple of 4");
  }

  @Test
  void theLengthMatchesTheBytesAfterTheHeader() {
    assertRejected(hex("0001 0008 2112a442 " + ID + " 0025 0000"), "message length 8 does not match the 4 bytes after the header");
    assertRejected(hex("0001 0000 2112a442 " + ID + " 0025 0000"), "message length 0 does not match the 4 bytes after the header");
  }

  // ---- attribute framing (RFC 8489 §14) ----

  @Test
  void anAttributeFitsInTheMessage() {
    assertRejected(message(attribute(0x0020, 9, "00010203")),
        "attribute 0x0020 (XOR-MAPPED-ADDRESS) length 9 exceeds the 4 bytes left");
  }

  /** A hostile length is compared with what is there; nothing is allocated from it. */
  @Test
  void aHugeAttributeLengthIsRefusedWithoutAllocating() {
    assertRejected(message(attribute(0x0013, 0xFFFF, "")), "attribute 0x0013 (DATA) length 65535 exceeds the 0 bytes left");
    assertRejected(message(attribute(0x7777, 0xFFFD, "00000000")), "attribute 0x7777 length 65533 exceeds the 4 bytes left");
  }

  /** "Each STUN attribute MUST end on a 32-bit boundary": a missing pad shows in the length. */
  @Test
  void anAttributeEndsOn32BitsSoItsPaddingMustBePresent() {
    assertRejected(hex("0001 000d 2112a442 " + ID + " 0006 0009 616263646566676869"),
        "message length 13 is not a multiple of 4");
    assertRejected(hex("0001 0010 2112a442 " + ID + " 0006 0009 616263646566676869"),
        "message length 16 does not match the 13 bytes after the header");
  }

  // ---- known attributes' sizes and contents ----

  @ParameterizedTest(name = "{0} length {1}")
  @CsvSource({
    "0024, 5, PRIORITY, 4", "000d, 2, LIFETIME, 4", "000c, 8, CHANNEL-NUMBER, 4",
    "0019, 1, REQUESTED-TRANSPORT, 4", "0017, 8, REQUESTED-ADDRESS-FAMILY, 4",
    "8000, 0, ADDITIONAL-ADDRESS-FAMILY, 4", "0018, 4, EVEN-PORT, 1", "0022, 4, RESERVATION-TOKEN, 8",
    "8029, 4, ICE-CONTROLLED, 8", "802a, 12, ICE-CONTROLLING, 8", "001a, 4, DONT-FRAGMENT, 0",
    "0025, 1, USE-CANDIDATE, 0", "0008, 16, MESSAGE-INTEGRITY, 20", "8028, 8, FINGERPRINT, 4",
    "001e, 20, USERHASH, 32",
  })
  void fixedSizeAttributesHaveTheirSize(String type, int length, String name, int size) {
    assertRejected(message(attribute(Integer.parseInt(type, 16), length, "00".repeat(length))),
        "attribute 0x" + type + " (" + name + ") length " + length + ", must be " + size);
  }

  /** "at most 32 bytes, but MUST be at least 16 bytes and MUST be a multiple of 4 bytes". */
  @ParameterizedTest
  @CsvSource({"12", "18", "36"})
  void messageIntegritySha256Is16To32BytesInStepsOf4(int length) {
    assertRejected(message(attribute(0x001c, length, "00".repeat(length))),
        "attribute 0x001c (MESSAGE-INTEGRITY-SHA256) length " + length + ", must be 16 to 32 and a multiple of 4");
  }

  @Test
  void addressesHaveAKnownFamilyAndItsLength() {
    assertRejected(message(attribute(0x0020, 8, "0003 a147 e112a643")),
        "attribute 0x0020 (XOR-MAPPED-ADDRESS) address family 0x03 is neither IPv4 (0x01) nor IPv6 (0x02)");
    assertRejected(message(attribute(0x0012, 20, "0001 a147" + "00".repeat(16))),
        "attribute 0x0012 (XOR-PEER-ADDRESS) length 20 does not fit family IPv4, which needs 8");
    assertRejected(message(attribute(0x0001, 8, "0002 0050 c0000201")),
        "attribute 0x0001 (MAPPED-ADDRESS) length 8 does not fit family IPv6, which needs 20");
    assertRejected(message(attribute(0x8023, 2, "0001")),
        "attribute 0x8023 (ALTERNATE-SERVER) length 2 is shorter than its 4-byte family and port");
  }

  /** A USERNAME changed by a replacement character would derive another key: refused instead. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"c328, truncated sequence", "c0af, overlong encoding", "eda080, surrogate", "ff, never valid"})
  void textIsValidUtf8(String value, String why) {
    assertRejected(message(attribute(0x0006, value.length() / 2, value)), "attribute 0x0006 (USERNAME) is not valid UTF-8");
    assertRejected(message(attribute(0x8022, value.length() / 2, value)), "attribute 0x8022 (SOFTWARE) is not valid UTF-8");
  }

  @Test
  void aUsernameHasAtMost512Bytes() throws Exception {
    assertThat(StunDecoder.decode(message(attribute(0x0006, 512, "61".repeat(512)))).message().attributes())
        .containsExactly(new Username("a".repeat(512)));
    assertRejected(message(attribute(0x0006, 513, "61".repeat(513))),
        "attribute 0x0006 (USERNAME) length 513 exceeds its maximum of 512 bytes");
  }

  @Test
  void realmNonceAndSoftwareHaveFewerThan128Characters() {
    assertRejected(message(attribute(0x0014, 128, "61".repeat(128))),
        "attribute 0x0014 (REALM): REALM must have fewer than 128 characters, got 128");
    assertRejected(message(attribute(0x0015, 764, "61".repeat(764))),
        "attribute 0x0015 (NONCE) length 764 exceeds its maximum of 763 bytes");
  }

  @Test
  void unknownAttributesListsWholeTypes() {
    assertRejected(message(attribute(0x000a, 3, "000100")),
        "attribute 0x000a (UNKNOWN-ATTRIBUTES) length 3 is not a multiple of 2");
  }

  @Test
  void errorCodeHasItsFourByteCode() {
    assertRejected(message(attribute(0x0009, 3, "000004")),
        "attribute 0x0009 (ERROR-CODE) length 3 is shorter than its 4-byte code");
  }

  @Test
  void passwordAlgorithmEntriesFitTheirAttribute() {
    assertRejected(message(attribute(0x8002, 8, "0001 0000 0002 0008")),
        "attribute 0x8002 (PASSWORD-ALGORITHMS) entry at byte 4 parameters length 8 with padding exceeds the 0 bytes left");
    assertRejected(message(attribute(0x8002, 6, "0001 0000 0002")),
        "attribute 0x8002 (PASSWORD-ALGORITHMS) entry at byte 4 needs 4 bytes, 2 left");
    assertRejected(message(attribute(0x001d, 8, "0002 0000 00000000")),
        "attribute 0x001d (PASSWORD-ALGORITHM) length 8 does not match its parameters length 0 plus 4");
  }

  // ---- order ----

  /** "When present, the FINGERPRINT attribute MUST be the last attribute in the message". */
  @Test
  void fingerprintIsTheLastAttribute() {
    assertRejected(message(attribute(0x8028, 4, "00000000") + attribute(0x8022, 1, "61")),
        "attribute 0x8022 (SOFTWARE) follows FINGERPRINT, which must be the last attribute");
    assertRejected(message(attribute(0x8028, 4, "00000000") + attribute(0x8028, 4, "00000000")),
        "attribute 0x8028 (FINGERPRINT) follows FINGERPRINT, which must be the last attribute");
  }

  // ---- what is not malformed ----

  @Test
  void unknownAttributesAndMethodsAreNotMalformed() throws Exception {
    StunMessage message = StunDecoder.decode(hex("3eef 0008 2112a442 " + ID + " 7fff 0003 01020300")).message();

    assertThat(message.type().method()).isEqualTo(new Method(0xFFF));
    assertThat(message.attributes()).containsExactly(new UnknownAttribute(0x7FFF, Samples.bytes(1, 2, 3)));
  }

  /** A range outside the array is the caller's bug, reported as such, not as bad input. */
  @Test
  void theCallersRangeMustBeInTheArray() {
    assertThatThrownBy(() -> StunDecoder.decode(new byte[20], 4, 20)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aByteBufferDecodesBetweenPositionAndLimitWithoutMoving() throws Exception {
    byte[] message = TestVectors.RFC5769_REQUEST;
    ByteBuffer buffer = ByteBuffer.allocate(message.length + 10);
    buffer.position(7);
    buffer.put(message);
    buffer.position(7).limit(7 + message.length);

    DecodedMessage decoded = StunDecoder.decode(buffer);

    assertThat(buffer.position()).isEqualTo(7);
    assertThat(decoded.bytes()).isEqualTo(Bytes.of(message));
    assertThat(StunDecoder.decode(ByteBuffer.allocateDirect(message.length).put(message).flip()).hasValidFingerprint())
        .isTrue();
    assertThatThrownBy(() -> StunDecoder.decode(ByteBuffer.wrap(new byte[12])))
        .isInstanceOf(StunParseException.class)
        .hasMessage("message of 12 bytes is shorter than the 20-byte header");
  }

  /** The decoder copies what it keeps: reusing the receive buffer cannot change a decoded value. */
  @Test
  void decodedValuesDoNotShareTheCallersBuffer() throws Exception {
    byte[] buffer = StunMessage.builder(MessageType.SEND_INDICATION, TransactionId.random())
        .add(new Data(Samples.bytes(1, 2, 3, 4)))
        .encode();
    DecodedMessage decoded = StunDecoder.decode(buffer);

    java.util.Arrays.fill(buffer, (byte) 0x55);

    assertThat(decoded.message().first(Data.class).orElseThrow().value()).isEqualTo(Samples.bytes(1, 2, 3, 4));
  }

  // ---- helpers ----

  private static void assertRejected(byte[] bytes, String rule) {
    assertThatThrownBy(() -> StunDecoder.decode(bytes)).isInstanceOf(StunParseException.class).hasMessage(rule);
  }

  /** A Binding request carrying these attribute bytes, with a length field that matches them. */
  private static byte[] message(String attributes) {
    byte[] body = hex(attributes);
    ByteBuffer out = ByteBuffer.allocate(20 + body.length);
    out.putShort((short) 0x0001).putShort((short) body.length).putInt(StunMessage.MAGIC_COOKIE);
    out.put(hex(ID)).put(body);
    return out.array();
  }

  /** An attribute header declaring {@code length}, then {@code value}, zero-padded to 32 bits. */
  private static String attribute(int type, int length, String value) {
    String clean = value.replace(" ", "");
    int padding = (4 - (clean.length() / 2) % 4) % 4;
    return String.format("%04x%04x", type, length) + clean + "00".repeat(padding);
  }

  private static byte[] hex(String hex) {
    return Bytes.fromHex(hex).toByteArray();
  }
}
