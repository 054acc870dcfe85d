package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 8489 §14.5–14.7: what MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT cover,
 * what may follow them, and the keys (§9).
 */
class IntegrityRulesTest {

  private static final IntegrityKey KEY = IntegrityKey.shortTerm("pass");
  private static final IntegrityKey OTHER_KEY = IntegrityKey.shortTerm("word");

  /**
   * "The Length field of the STUN message header is adjusted to point to the end of the
   * MESSAGE-INTEGRITY attribute": checked with a plain javax.crypto HMAC over a copy whose length
   * field is set that way, while a FINGERPRINT follows in the real message.
   */
  @Test
  void messageIntegrityCoversTheMessageWithTheLengthEndingAtIt() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username("a:b"))
        .messageIntegrity(KEY)
        .fingerprint()
        .encode();
    int integrity = bytes.length - 8 - 24;
    byte[] covered = Arrays.copyOf(bytes, integrity);
    covered[2] = 0;
    covered[3] = (byte) (integrity + 24 - 20);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec("pass".getBytes(), "HmacSHA1"));

    assertThat(Arrays.copyOfRange(bytes, integrity + 4, integrity + 24)).isEqualTo(mac.doFinal(covered));
    assertThat(bytes[3]).as("the real length still counts FINGERPRINT").isEqualTo((byte) (bytes.length - 20));
  }

  /** "Agents MUST ignore all other attributes that follow MESSAGE-INTEGRITY". */
  @Test
  void attributesAfterMessageIntegrityAreIgnored() throws Exception {
    byte[] signed = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(RequestedTransport.UDP)
        .messageIntegrity(KEY)
        .encode();
    // An on-path attacker appends a comprehension-required attribute and a second USERNAME.
    byte[] tampered = append(signed, "7001 0004 deadbeef", "0006 0004 65766500");

    DecodedMessage decoded = StunDecoder.decode(tampered);

    assertThat(decoded.message().attributes()).hasSize(2).doesNotHaveAnyElementsOfTypes(Username.class, UnknownAttribute.class);
    assertThat(decoded.message().unknownComprehensionRequired()).isEmpty();
    assertThat(decoded.verifyIntegrity(KEY)).as("the HMAC never covered them").isTrue();
  }

  /** "... with the exception of the MESSAGE-INTEGRITY-SHA256 and FINGERPRINT attributes". */
  @Test
  void sha256IntegrityAndFingerprintMayFollowMessageIntegrity() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .messageIntegrity(KEY)
        .messageIntegritySha256(OTHER_KEY)
        .fingerprint()
        .encode();

    DecodedMessage decoded = StunDecoder.decode(bytes);

    assertThat(decoded.verifyMessageIntegrity(KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegritySha256(OTHER_KEY)).isTrue();
    assertThat(decoded.verifyIntegrity(OTHER_KEY)).as("the SHA-256 one decides when both are there").isTrue();
    assertThat(decoded.verifyIntegrity(KEY)).isFalse();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  /** After MESSAGE-INTEGRITY-SHA256 only FINGERPRINT counts, even MESSAGE-INTEGRITY. */
  @Test
  void afterSha256IntegrityOnlyFingerprintCounts() throws Exception {
    byte[] signed = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .messageIntegritySha256(KEY)
        .encode();
    byte[] withMore = append(signed, "0008 0014 " + "00".repeat(20), "8022 0001 61000000");

    DecodedMessage decoded = StunDecoder.decode(withMore);

    assertThat(decoded.message().attributes()).singleElement().isInstanceOf(MessageIntegritySha256.class);
    assertThat(decoded.hasMessageIntegrity()).isFalse();
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
  }

  /** A second MESSAGE-INTEGRITY follows the first, so it is ignored: the first one is checked. */
  @Test
  void onlyTheFirstMessageIntegrityCounts() throws Exception {
    byte[] signed = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .messageIntegrity(KEY)
        .encode();
    byte[] twice = append(signed, "0008 0014 " + "00".repeat(20));

    DecodedMessage decoded = StunDecoder.decode(twice);

    assertThat(decoded.message().all(MessageIntegrity.class)).hasSize(1);
    assertThat(decoded.verifyMessageIntegrity(KEY)).isTrue();
  }

  /** §14.6: a truncated HMAC, at least 16 bytes, computed with the length of the short attribute. */
  @Test
  void aTruncatedSha256IntegrityIsComparedOnItsLength() throws Exception {
    byte[] body = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username("user"))
        .encode();
    ByteBuffer out = ByteBuffer.allocate(body.length + 20).put(body);
    out.putShort(2, (short) (body.length - 20 + 20));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("pass".getBytes(), "HmacSHA256"));
    byte[] hmac = mac.doFinal(Arrays.copyOf(out.array(), body.length));
    out.putShort((short) MessageIntegritySha256.TYPE).putShort((short) 16).put(hmac, 0, 16);

    DecodedMessage decoded = StunDecoder.decode(out.array());

    assertThat(decoded.verifyMessageIntegritySha256(KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegritySha256(OTHER_KEY)).isFalse();
  }

  @Test
  void absentTrailersVerifyNothing() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(
        StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random()).encode());

    assertThat(decoded.hasMessageIntegrity()).isFalse();
    assertThat(decoded.hasMessageIntegritySha256()).isFalse();
    assertThat(decoded.hasFingerprint()).isFalse();
    assertThat(decoded.verifyIntegrity(KEY)).isFalse();
    assertThat(decoded.verifyMessageIntegrity(KEY)).isFalse();
    assertThat(decoded.verifyMessageIntegritySha256(KEY)).isFalse();
    assertThat(decoded.hasValidFingerprint()).isFalse();
  }

  /** FINGERPRINT alone, as in an ICE check without credentials yet; a wrong one fails. */
  @Test
  void fingerprintIsCrc32XorStun() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_INDICATION, TransactionId.random()).fingerprint().encode();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 8);

    assertThat(StunDecoder.decode(bytes).message().first(Fingerprint.class))
        .contains(new Fingerprint((crc.getValue() ^ 0x5354554eL)));
    assertThat(StunDecoder.decode(bytes).hasValidFingerprint()).isTrue();
    bytes[bytes.length - 1] ^= 1;
    assertThat(StunDecoder.decode(bytes).hasValidFingerprint()).isFalse();
  }

  // ---- keys (§9.1.1, §9.2.2) ----

  @Test
  void theShortTermKeyIsThePasswordsUtf8() {
    assertThat(IntegrityKey.shortTerm("p\u00e4ss").bytes()).isEqualTo(Samples.bytes('p', 0xc3, 0xa4, 's', 's'));
  }

  @Test
  void longTermKeysAreDigestsOfUserRealmPassword() throws Exception {
    byte[] input = "user:realm:pass".getBytes();

    assertThat(IntegrityKey.longTerm("user", "realm", "pass").bytes())
        .isEqualTo(Bytes.of(java.security.MessageDigest.getInstance("MD5").digest(input)));
    assertThat(IntegrityKey.longTerm(PasswordAlgorithm.SHA256, "user", "realm", "pass").bytes())
        .isEqualTo(Bytes.of(java.security.MessageDigest.getInstance("SHA-256").digest(input)));
    assertThatThrownBy(() -> IntegrityKey.longTerm(new PasswordAlgorithm(3, Bytes.EMPTY), "u", "r", "p"))
        .hasMessage("no long-term key derivation for password algorithm 0x0003");
  }

  @Test
  void keysNeverShowInLogs() {
    assertThat(IntegrityKey.shortTerm("hunter2")).hasToString("IntegrityKey[7 bytes]");
    assertThat(IntegrityKey.longTerm("u", "r", "p").toString()).doesNotContain(IntegrityKey.longTerm("u", "r", "p").bytes().hex());
  }

  @Test
  void keysAreNeverEmpty() {
    assertThatThrownBy(() -> IntegrityKey.shortTerm("")).hasMessage("an integrity key must not be empty");
  }

  @Test
  void keysAreComparedByValue() {
    assertThat(IntegrityKey.shortTerm("a")).isEqualTo(IntegrityKey.of(Samples.bytes('a')));
    assertThat(IntegrityKey.shortTerm("a")).isNotEqualTo(IntegrityKey.shortTerm("b"));
  }

  /** Appends raw attributes after a message and fixes its length field, as a tamperer would. */
  private static byte[] append(byte[] message, String... attributes) {
    byte[] extra = Bytes.fromHex(String.join("", attributes)).toByteArray();
    ByteBuffer out = ByteBuffer.allocate(message.length + extra.length).put(message).put(extra);
    out.putShort(2, (short) (message.length + extra.length - 20));
    return out.array();
  }
}
