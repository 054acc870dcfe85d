package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * RFC 3711 Appendix B: B.2 (AES-CM keystream) and B.3 (key derivation).
 *
 * <p>B.2's blocks 0–2 are also in pion/srtp's {@code srtp_cipher_aes_cm_hmac_sha1_rfc_test.go};
 * blocks 0xFEFF–0xFF01 equal NIST SP 800-38A F.5.1's CTR-AES128 keystream (same key, counter
 * f0f1…fcfdfeff onwards). B.3's first three outputs are also in pion/srtp's {@code
 * key_derivation_test.go} (its auth key check stops at the 20 bytes HMAC-SHA1 uses, as here).
 */
class Rfc3711VectorTest {

  // ---- B.2 AES-CM Test Vectors ----

  /** "Session Key: 2B7E151628AED2A6ABF7158809CF4F3C", "Session Salt: F0F1F2F3F4F5F6F7F8F9FAFBFCFD". */
  private static final SessionKeys B2_KEYS = new SessionKeys(
      Hex.decode("2B7E151628AED2A6ABF7158809CF4F3C"), Hex.decode("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);

  @Test
  void b2KeystreamForRocZeroSeqZeroSsrcZero() {
    // Encrypting zeros yields the keystream. "Rollover Counter: 00000000, Sequence Number: 0000, SSRC: 00000000".
    int blocks = 0xFF02;
    byte[] packet = new byte[12 + blocks * 16 + 10];
    packet[0] = (byte) 0x80;
    PacketTransform transform = new AesCmHmacSha1Transform(B2_KEYS, B2_KEYS);

    transform.protectRtp(packet, 0, 12, 12 + blocks * 16, packet, 0, 0, 0);

    assertThat(block(packet, 0)).isEqualToIgnoringCase("E03EAD0935C95E80E166B16DD92B4EB4");
    assertThat(block(packet, 1)).isEqualToIgnoringCase("D23513162B02D0F72A43A2FE4A5F97AB");
    assertThat(block(packet, 2)).isEqualToIgnoringCase("41E95B3BB0A2E8DD477901E4FCA894C0");
    assertThat(block(packet, 0xFEFF)).isEqualToIgnoringCase("EC8CDF7398607CB0F2D21675EA9EA1E4");
    assertThat(block(packet, 0xFF00)).isEqualToIgnoringCase("362B7C3C6773516318A077D7FC5073AE");
    assertThat(block(packet, 0xFF01)).isEqualToIgnoringCase("6A2CC3787889374FBEB4C81B17BA6C44");
  }

  private static String block(byte[] packet, int counter) {
    return Hex.encode(packet, 12 + 16 * counter, 16);
  }

  // ---- B.3 Key Derivation Test Vectors ----

  /** "master key: E1F97A0D3E018BE0D64FA32C06DE4139", "master salt: 0EC675AD498AFEEBB6960B3AABE6". */
  private static final SrtpMasterKey B3_MASTER = SrtpMasterKey.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
      Hex.decode("E1F97A0D3E018BE0D64FA32C06DE4139"), Hex.decode("0EC675AD498AFEEBB6960B3AABE6"));

  @Test
  void b3CipherKey() {
    assertThat(Hex.encode(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTP_ENCRYPTION, 16)))
        .isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
  }

  @Test
  void b3CipherSalt() {
    assertThat(Hex.encode(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTP_SALT, 14)))
        .isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
  }

  @Test
  void b3AuthenticationKey() {
    assertThat(Hex.encode(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTP_AUTHENTICATION, 20)))
        .isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
  }

  @Test
  void srtpSessionKeysAreTheB3Outputs() {
    SessionKeys keys = KeyDerivation.srtp(B3_MASTER);

    assertThat(Hex.encode(keys.encryptionKey())).isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
    assertThat(Hex.encode(keys.salt())).isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
    assertThat(Hex.encode(keys.authenticationKey())).isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
  }

  @Test
  void srtcpSessionKeysUseLabelsThreeToFive() {
    SessionKeys srtp = KeyDerivation.srtp(B3_MASTER);
    SessionKeys srtcp = KeyDerivation.srtcp(B3_MASTER);

    assertThat(srtcp.encryptionKey())
        .isEqualTo(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTCP_ENCRYPTION, 16))
        .isNotEqualTo(srtp.encryptionKey());
    assertThat(srtcp.salt()).isEqualTo(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTCP_SALT, 14));
    assertThat(srtcp.authenticationKey())
        .isEqualTo(KeyDerivation.prf(B3_MASTER, KeyDerivation.LABEL_SRTCP_AUTHENTICATION, 20));
  }

  @Test
  void gcmSessionKeysHaveTheProfileSizesAndNoAuthenticationKey() {
    SrtpMasterKey master = SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);

    SessionKeys keys = KeyDerivation.srtp(master);

    assertThat(keys.encryptionKey()).hasSize(16);
    assertThat(keys.salt()).hasSize(12);
    assertThat(keys.authenticationKey()).isEmpty();
  }
}
