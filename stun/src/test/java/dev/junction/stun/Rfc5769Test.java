package dev.junction.stun;

import static dev.junction.stun.TestVectors.PREPARED_PASSWORD;
import static dev.junction.stun.TestVectors.RAW_PASSWORD;
import static dev.junction.stun.TestVectors.REALM;
import static dev.junction.stun.TestVectors.RFC5769_IPV4_RESPONSE;
import static dev.junction.stun.TestVectors.RFC5769_IPV6_RESPONSE;
import static dev.junction.stun.TestVectors.RFC5769_LONG_TERM_REQUEST;
import static dev.junction.stun.TestVectors.RFC5769_REQUEST;
import static dev.junction.stun.TestVectors.SHORT_TERM_PASSWORD;
import static dev.junction.stun.TestVectors.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 5769, "Test Vectors for STUN": each message decodes to the values the RFC lists, its
 * MESSAGE-INTEGRITY and FINGERPRINT check, and our encoder writes the same bytes.
 */
class Rfc5769Test {

  private static final IntegrityKey SHORT_TERM = IntegrityKey.shortTerm(SHORT_TERM_PASSWORD);
  private static final IntegrityKey LONG_TERM = IntegrityKey.longTerm(USERNAME, REALM, PREPARED_PASSWORD);

  // ---- 2.1 Sample Request ----

  @Test
  void sampleRequestDecodesToTheListedAttributes() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_REQUEST);
    StunMessage message = decoded.message();

    assertThat(RFC5769_REQUEST).hasSize(108);
    assertThat(message.type()).isEqualTo(MessageType.BINDING_REQUEST);
    assertThat(message.transactionId()).isEqualTo(TransactionId.fromHex("b7e7a701bc34d686fa87dfae"));
    assertThat(message.attributes()).containsExactly(
        new Software("STUN test client"),
        new Priority(0x6e0001ffL),
        new IceControlled(0x932ff9b151263b36L),
        new Username("evtj:h6vY"),
        new MessageIntegrity(Bytes.fromHex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
        new Fingerprint(0xe57a3bcfL));
  }

  @Test
  void sampleRequestVerifiesUnderTheShortTermPassword() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_REQUEST);

    assertThat(decoded.verifyMessageIntegrity(SHORT_TERM)).isTrue();
    assertThat(decoded.verifyIntegrity(SHORT_TERM)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
    assertThat(decoded.verifyMessageIntegrity(IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBT"))).isFalse();
    assertThat(decoded.verifyMessageIntegritySha256(SHORT_TERM)).as("no SHA-256 integrity in it").isFalse();
  }

  /**
   * The RFC pads USERNAME "evtj:h6vY" with three spaces; padding may be any value, but ours is
   * always zero, so these three bytes differ and with them the two values computed over them.
   */
  @Test
  void sampleRequestReEncodesExceptForItsSpacePadding() throws Exception {
    StunMessage message = StunDecoder.decode(RFC5769_REQUEST).message();

    byte[] ours = message.newBuilder().messageIntegrity(SHORT_TERM).fingerprint().encode();

    int messageIntegrity = 76; // header 20, SOFTWARE 20, PRIORITY 8, ICE-CONTROLLED 12, USERNAME 16
    assertThat(ours).hasSameSizeAs(RFC5769_REQUEST);
    assertThat(differences(ours, RFC5769_REQUEST, messageIntegrity)).containsExactly(73, 74, 75);
    assertThat(new byte[] {ours[73], ours[74], ours[75]}).containsOnly(0);
    DecodedMessage decoded = StunDecoder.decode(ours);
    assertThat(decoded.message().attributes().subList(0, 4)).isEqualTo(message.attributes().subList(0, 4));
    assertThat(decoded.verifyMessageIntegrity(SHORT_TERM)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  // ---- 2.2 Sample IPv4 Response, 2.3 Sample IPv6 Response ----

  @Test
  void ipv4ResponseDecodesTheXorMappedAddress() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_IPV4_RESPONSE);

    assertThat(decoded.message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
    assertThat(decoded.message().transactionId()).isEqualTo(TransactionId.fromHex("b7e7a701bc34d686fa87dfae"));
    assertThat(decoded.message().attributes()).containsExactly(
        new Software("test vector"),
        new XorMappedAddress(address("192.0.2.1", 32853)),
        new MessageIntegrity(Bytes.fromHex("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")),
        new Fingerprint(0xc07d4c96L));
    assertThat(decoded.verifyMessageIntegrity(SHORT_TERM)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  @Test
  void ipv6ResponseDecodesTheXorMappedAddressWithTheTransactionId() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_IPV6_RESPONSE);

    assertThat(decoded.message().attributes()).containsExactly(
        new Software("test vector"),
        new XorMappedAddress(address("2001:db8:1234:5678:11:2233:4455:6677", 32853)),
        new MessageIntegrity(Bytes.fromHex("a382954e4be67bf11784c97c8292c275bfe3ed41")),
        new Fingerprint(0xc8fb0b4cL));
    assertThat(decoded.verifyMessageIntegrity(SHORT_TERM)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  /** SOFTWARE "test vector" is 11 bytes, padded in the RFC with one space at byte 35. */
  @ParameterizedTest
  @ValueSource(strings = {"ipv4", "ipv6"})
  void responsesReEncodeExceptForTheirSpacePadding(String family) throws Exception {
    byte[] rfc = family.equals("ipv4") ? RFC5769_IPV4_RESPONSE : RFC5769_IPV6_RESPONSE;
    StunMessage message = StunDecoder.decode(rfc).message();

    byte[] ours = message.newBuilder().messageIntegrity(SHORT_TERM).fingerprint().encode();

    assertThat(ours).hasSameSizeAs(rfc);
    assertThat(differences(ours, rfc, rfc.length - 32)).containsExactly(35);
    assertThat(ours[35]).isZero();
  }

  /**
   * Byte-exactness despite the space padding: the code that computes the encoder's trailers,
   * applied to the RFC's own attribute bytes, writes the RFC's MESSAGE-INTEGRITY and FINGERPRINT
   * exactly — so the encoder differs from the RFC only in the padding it chooses.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2.1", "2.2", "2.3"})
  void theEncodersTrailersOverTheRfcAttributesReproduceTheRfcBytes(String section) {
    byte[] rfc = switch (section) {
      case "2.1" -> RFC5769_REQUEST;
      case "2.2" -> RFC5769_IPV4_RESPONSE;
      default -> RFC5769_IPV6_RESPONSE;
    };
    int beforeTrailers = rfc.length - Trailers.MESSAGE_INTEGRITY_SIZE - Trailers.FINGERPRINT_SIZE;
    ByteBuffer out = ByteBuffer.allocate(rfc.length).put(rfc, 0, beforeTrailers);

    Trailers.appendMessageIntegrity(out, 0, SHORT_TERM);
    Trailers.appendFingerprint(out, 0);

    assertThat(out.array()).isEqualTo(rfc);
  }

  // ---- 2.4 Sample Request with Long-Term Authentication ----

  @Test
  void longTermRequestDecodesAndVerifiesUnderMd5OfUserRealmPassword() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_LONG_TERM_REQUEST);

    assertThat(decoded.message().transactionId()).isEqualTo(TransactionId.fromHex("78ad3433c6ad72c029da412e"));
    assertThat(decoded.message().attributes()).containsExactly(
        new Username(USERNAME),
        new Nonce("f//499k954d6OL34oL9FSTvy64sA"),
        new Realm(REALM),
        new MessageIntegrity(Bytes.fromHex("f67024656dd64a3e02b8e0712e85c9a28ca89666")));
    assertThat(decoded.hasFingerprint()).isFalse();
    assertThat(decoded.hasValidFingerprint()).isFalse();
    assertThat(decoded.verifyMessageIntegrity(LONG_TERM)).isTrue();
    assertThat(LONG_TERM).isEqualTo(IntegrityKey.of(md5(USERNAME + ":" + REALM + ":" + PREPARED_PASSWORD)));
  }

  @Test
  void longTermRequestEncodesByteForByte() {
    byte[] ours = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.fromHex("78ad3433c6ad72c029da412e"))
        .add(new Username(USERNAME))
        .add(new Nonce("f//499k954d6OL34oL9FSTvy64sA"))
        .add(new Realm(REALM))
        .messageIntegrity(LONG_TERM)
        .encode();

    assertThat(ours).isEqualTo(RFC5769_LONG_TERM_REQUEST);
  }

  /**
   * The documented limitation: no SASLprep/OpaqueString here, so only the prepared password
   * derives the key. (The raw form's U+00AD is even disallowed by OpaqueString.)
   */
  @Test
  void longTermKeyUsesThePasswordAsGivenWithoutPreparingIt() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC5769_LONG_TERM_REQUEST);

    assertThat(decoded.verifyMessageIntegrity(IntegrityKey.longTerm(USERNAME, REALM, RAW_PASSWORD))).isFalse();
  }

  // ---- every vector: one changed byte is caught ----

  /**
   * Flipping any one bit anywhere either breaks the message's structure or fails the checks
   * that cover that byte: MESSAGE-INTEGRITY covers everything before it, FINGERPRINT everything.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2.1", "2.2", "2.3", "2.4"})
  void everyFlippedBitIsDetected(String section) throws Exception {
    byte[] rfc = switch (section) {
      case "2.1" -> RFC5769_REQUEST;
      case "2.2" -> RFC5769_IPV4_RESPONSE;
      case "2.3" -> RFC5769_IPV6_RESPONSE;
      default -> RFC5769_LONG_TERM_REQUEST;
    };
    IntegrityKey key = section.equals("2.4") ? LONG_TERM : SHORT_TERM;
    boolean hasFingerprint = !section.equals("2.4");
    int integrityEnd = rfc.length - (hasFingerprint ? Trailers.FINGERPRINT_SIZE : 0);
    int decodedAnyway = 0;

    for (int i = 0; i < rfc.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = rfc.clone();
        flipped[i] ^= (byte) (1 << bit);
        DecodedMessage decoded;
        try {
          decoded = StunDecoder.decode(flipped);
        } catch (StunParseException broken) {
          continue;
        }
        decodedAnyway++;
        String where = "bit " + bit + " of byte " + i;
        if (i < integrityEnd) {
          assertThat(decoded.verifyIntegrity(key)).as(where).isFalse();
        }
        if (hasFingerprint) {
          assertThat(decoded.hasValidFingerprint()).as(where).isFalse();
        }
      }
    }
    assertThat(decodedAnyway).as("most flips leave a well-formed message").isGreaterThan(rfc.length * 4);
  }

  /** FINGERPRINT uses the CRC-32 of ISO-HDLC / ITU-T V.42; this is its published check value. */
  @Test
  void crc32CheckValue() {
    CRC32 crc = new CRC32();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));

    assertThat(crc.getValue()).isEqualTo(0xCBF43926L);
  }

  static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Integer> differences(byte[] a, byte[] b, int upTo) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < upTo; i++) {
      if (a[i] != b[i]) {
        indices.add(i);
      }
    }
    return indices;
  }

  private static Bytes md5(String text) throws Exception {
    return Bytes.of(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
