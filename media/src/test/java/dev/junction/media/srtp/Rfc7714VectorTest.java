package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP) test vectors for AEAD_AES_128_GCM. The RFC gives session
 * keys, not master keys, so these run over a transform keyed directly, SRTP and SRTCP alike.
 *
 * <p>Bytes as printed in RFC 7714 §16.1.1 and §17.1.1–17.1.3; cross-checked against pion/srtp's
 * {@code srtp_cipher_aead_aes_gcm_rfc_test.go} (same bytes, same SSRC 0x4d617273 / index 0x5d4
 * for SRTCP) and, for §16.1.1, libsrtp's {@code test/srtp_driver.c} and libre's {@code srtp}
 * tests (ciphertext f24de3a3…4390cce).
 */
class Rfc7714VectorTest {

  /** §16.1: "K = 00 01 02 ... 0f", "Salt = 51 75 69 64 20 70 72 6f 20 71 75 6f" ("Quid pro quo"). */
  private static final SessionKeys KEYS = new SessionKeys(
      Hex.decode("000102030405060708090a0b0c0d0e0f"), Hex.decode("517569642070726f2071756f"), new byte[0]);

  /** §16.1: RTP header 8040f17b 8041f8d3 5501a0b2 (SEQ 0xf17b, SSRC 0x5501a0b2, ROC 0), "Gallia est omnis divisa in partes tres". */
  private static final byte[] RTP = Hex.decode("""
      8040f17b 8041f8d3 5501a0b2 47616c6c
      69612065 7374206f 6d6e6973 20646976
      69736120 696e2070 61727465 73207472
      6573""");

  /** §16.1.1 "Encrypted and Tagged Packet". */
  private static final byte[] SRTP = Hex.decode("""
      8040f17b 8041f8d3 5501a0b2 f24de3a3
      fb34de6c acba861c 9d7e4bca be633bd5
      0d294e6f 42a5f47a 51c7d19b 36de3adf
      8833899d 7f27beb1 6a9152cf 765ee439
      0cce""");

  /** §17.1: an SR from SSRC 0x4d617273 with CNAME padding of deadbeef. */
  private static final byte[] RTCP = Hex.decode("""
      81c8000d 4d617273 4e545031 4e545032
      52545020 0000042a 0000e930 4c756e61
      deadbeef deadbeef deadbeef deadbeef
      deadbeef""");

  private static final int RTCP_SSRC = 0x4d617273;
  private static final int SRTCP_INDEX = 0x5d4;

  /** §17.1.1, E=1, SRTCP index 0x5d4. */
  private static final byte[] SRTCP = Hex.decode("""
      81c8000d 4d617273 63e94885 dcdab67c
      a727d766 2f6b7e99 7ff5c0f7 6c06f32d
      c676a5f1 730d6fda 4ce09b46 86303ded
      0bb9275b c84aa458 96cf4d2f c5abf872
      45d9eade 800005d4""");

  /** §17.1.3, E=0: the RTCP packet in the clear, tag, then 000005d4. */
  private static final byte[] SRTCP_AUTHENTICATED_ONLY = Hex.decode("""
      81c8000d 4d617273 4e545031 4e545032
      52545020 0000042a 0000e930 4c756e61
      deadbeef deadbeef deadbeef deadbeef
      deadbeef 841dd968 3dd78ec9 2ae58790
      125f62b3 000005d4""");

  private static PacketTransform transform() {
    return new AeadAesGcmTransform(KEYS, KEYS);
  }

  @Test
  void srtpEncryptionGivesTheRfcPacket() throws Exception {
    OutboundSrtpContext outbound = OutboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = Packets.withRoom(RTP);

    int length = outbound.protectRtp(buffer, 0, RTP.length);

    assertThat(length).isEqualTo(SRTP.length).isEqualTo(RTP.length + 16);
    assertThat(Arrays.copyOf(buffer, length)).isEqualTo(SRTP);
  }

  @Test
  void srtpDecryptionGivesBackTheRtpPacket() throws Exception {
    InboundSrtpContext inbound = InboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = SRTP.clone();

    int length = inbound.unprotectRtp(buffer, 0, buffer.length);

    assertThat(Arrays.copyOf(buffer, length)).isEqualTo(RTP);
    assertThat(inbound.rolloverCounter(0x5501a0b2)).isZero();
  }

  @Test
  void srtpWithAFlippedTagBitIsRefused() {
    InboundSrtpContext inbound = InboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = SRTP.clone();
    buffer[buffer.length - 1] ^= 0x01;

    assertThatThrownBy(() -> inbound.unprotectRtp(buffer, 0, buffer.length))
        .isInstanceOfSatisfying(SrtpException.class,
            e -> assertThat(e.reason()).isEqualTo(SrtpException.Reason.AUTHENTICATION_FAILED))
        .hasMessage("SRTP ssrc 0x5501a0b2 index 61819: authentication tag mismatch");
  }

  @Test
  void srtcpEncryptionAtIndex0x5d4GivesTheRfcPacket() {
    byte[] out = new byte[SRTCP.length];

    int length = transform().protectRtcp(RTCP, 0, RTCP.length, out, 0, RTCP_SSRC, SRTCP_INDEX);

    assertThat(length).isEqualTo(RTCP.length + 16 + 4);
    assertThat(out).isEqualTo(SRTCP);
  }

  @Test
  void srtcpDecryptionGivesBackTheRtcpPacket() throws Exception {
    InboundSrtpContext inbound = InboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = SRTCP.clone();

    int length = inbound.unprotectRtcp(buffer, 0, buffer.length);

    assertThat(Arrays.copyOf(buffer, length)).isEqualTo(RTCP);
  }

  @Test
  void srtcpWithTheEFlagClearIsAuthenticatedButNotDecrypted() throws Exception {
    InboundSrtpContext inbound = InboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = SRTCP_AUTHENTICATED_ONLY.clone();

    int length = inbound.unprotectRtcp(buffer, 0, buffer.length);

    assertThat(Arrays.copyOf(buffer, length)).isEqualTo(RTCP);
  }

  @Test
  void srtcpWithTheEFlagFlippedIsRefused() {
    // E is associated data: clearing it turns the packet into a (forged) authenticated-only one.
    InboundSrtpContext inbound = InboundSrtpContext.withTransform(SrtpProfile.AEAD_AES_128_GCM, transform());
    byte[] buffer = SRTCP.clone();
    buffer[buffer.length - 4] &= 0x7f;

    assertThatThrownBy(() -> inbound.unprotectRtcp(buffer, 0, buffer.length))
        .isInstanceOfSatisfying(SrtpException.class,
            e -> assertThat(e.reason()).isEqualTo(SrtpException.Reason.AUTHENTICATION_FAILED))
        .hasMessage("SRTCP ssrc 0x4d617273 index 1492: authentication tag mismatch");
  }
}
