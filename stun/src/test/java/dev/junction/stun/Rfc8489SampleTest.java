package dev.junction.stun;

import static dev.junction.stun.TestVectors.PREPARED_PASSWORD;
import static dev.junction.stun.TestVectors.REALM;
import static dev.junction.stun.TestVectors.RFC8489_B1_REQUEST;
import static dev.junction.stun.TestVectors.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 8489 Appendix B.1 with verified erratum 6268: a long-term request that hides the user
 * name behind USERHASH, picks PASSWORD-ALGORITHM SHA-256 and signs with MESSAGE-INTEGRITY-SHA256.
 */
class Rfc8489SampleTest {

  private static final String NONCE = "obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA";
  private static final IntegrityKey SHA256_KEY =
      IntegrityKey.longTerm(PasswordAlgorithm.SHA256, USERNAME, REALM, PREPARED_PASSWORD);

  @Test
  void decodesToTheListedAttributes() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC8489_B1_REQUEST);

    assertThat(decoded.message().type()).isEqualTo(MessageType.BINDING_REQUEST);
    assertThat(decoded.message().attributes()).containsExactly(
        UserHash.of(USERNAME, REALM),
        new Nonce(NONCE),
        new Realm(REALM),
        PasswordAlgorithm.SHA256,
        new MessageIntegritySha256(Bytes.fromHex(
            "b5c7bf005b6c52a21c51c5e892f81924136296cb927c43149309278cc6518e65")));
  }

  @Test
  void userHashIsSha256OfUsernameColonRealm() throws Exception {
    byte[] expected = MessageDigest.getInstance("SHA-256")
        .digest((USERNAME + ":" + REALM).getBytes(StandardCharsets.UTF_8));

    assertThat(UserHash.of(USERNAME, REALM).hash()).isEqualTo(Bytes.of(expected));
    assertThat(UserHash.of(USERNAME, REALM).hash())
        .isEqualTo(Bytes.fromHex("4a3cf38fef6992bda952c6780417da0f2481941556" + "9e60b205c46e41407f1704"));
  }

  @Test
  void verifiesUnderTheSha256LongTermKeyOnly() throws Exception {
    DecodedMessage decoded = StunDecoder.decode(RFC8489_B1_REQUEST);

    assertThat(decoded.verifyMessageIntegritySha256(SHA256_KEY)).isTrue();
    assertThat(decoded.verifyIntegrity(SHA256_KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegritySha256(IntegrityKey.longTerm(USERNAME, REALM, PREPARED_PASSWORD)))
        .as("the MD5 key of the same credentials")
        .isFalse();
    assertThat(decoded.hasMessageIntegrity()).isFalse();
  }

  /**
   * The erratum's HMAC, computed here with nothing but javax.crypto over the message bytes up to
   * the attribute (whose length field already ends at MESSAGE-INTEGRITY-SHA256, the last
   * attribute): a check of the fixture that does not go through the codec.
   */
  @Test
  void theErratumHmacIsHmacSha256OfTheMessageBeforeIt() throws Exception {
    byte[] key = MessageDigest.getInstance("SHA-256")
        .digest((USERNAME + ":" + REALM + ":" + PREPARED_PASSWORD).getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));

    byte[] hmac = mac.doFinal(Arrays.copyOf(RFC8489_B1_REQUEST, RFC8489_B1_REQUEST.length - 36));

    assertThat(hmac).isEqualTo(Arrays.copyOfRange(RFC8489_B1_REQUEST, RFC8489_B1_REQUEST.length - 32,
        RFC8489_B1_REQUEST.length));
    assertThat(SHA256_KEY.bytes()).isEqualTo(Bytes.of(key));
  }

  @Test
  void encodesByteForByte() {
    byte[] ours = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.fromHex("78ad3433c6ad72c029da412e"))
        .add(UserHash.of(USERNAME, REALM))
        .add(new Nonce(NONCE))
        .add(new Realm(REALM))
        .add(PasswordAlgorithm.SHA256)
        .messageIntegritySha256(SHA256_KEY)
        .encode();

    assertThat(ours).isEqualTo(RFC8489_B1_REQUEST);
  }

  @Test
  void aFlippedByteFailsTheSha256Integrity() throws Exception {
    for (int i = StunMessage.HEADER_LENGTH; i < RFC8489_B1_REQUEST.length; i++) {
      byte[] flipped = RFC8489_B1_REQUEST.clone();
      flipped[i] ^= 0x01;
      try {
        assertThat(StunDecoder.decode(flipped).verifyIntegrity(SHA256_KEY)).as("byte " + i).isFalse();
      } catch (StunParseException broken) {
        // a flip in a length field, for instance: refused before any HMAC
      }
    }
  }
}
