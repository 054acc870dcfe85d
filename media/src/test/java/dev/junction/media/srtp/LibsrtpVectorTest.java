package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * End-to-end vectors from an independent implementation: libsrtp's {@code test/srtp_driver.c}
 * ({@code srtp_validate} and {@code srtp_validate_gcm}, cisco/libsrtp). Unlike the RFC vectors
 * these start from a master key, so they check key derivation, the IV, the tag and the packet
 * layout together — for GCM also the padding of a 12-byte master salt in the KDF, which no RFC
 * vector covers.
 *
 * <p>libsrtp's first SRTCP index is 1 (its packets end {@code 80000001}); ours is 0, as RFC 3711
 * §3.4 says, so the SRTCP tests protect one packet before the vector.
 */
class LibsrtpVectorTest {

  private static final int SSRC = 0xcafebabe;

  /** RTP header 800f1234 decafbad cafebabe and 16 bytes of 0xab ({@code srtp_plaintext_ref}). */
  private static final byte[] RTP = Hex.decode("800f1234decafbadcafebabe abababababababababababababababab");

  /** RTCP 81c8000b cafebabe and 16 bytes of 0xab ({@code rtcp_plaintext_ref}). */
  private static final byte[] RTCP = Hex.decode("81c8000bcafebabe abababababababababababababababab");

  // ---- srtp_validate: the default policy, AES_CM_128_HMAC_SHA1_80 for RTP and RTCP ----

  private static final SrtpMasterKey CM_KEY = SrtpMasterKey.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
      Hex.decode("e1f97a0d3e018be0d64fa32c06de4139"), Hex.decode("0ec675ad498afeebb6960b3aabe6"));

  private static final byte[] CM_SRTP = Hex.decode("""
      800f1234 decafbad cafebabe 4e55dc4c
      e79978d8 8ca4d215 949d2402 b78d6acc
      99ea179b 8dbb""");

  private static final byte[] CM_SRTCP = Hex.decode("""
      81c8000b cafebabe 7128035b e487b9bd
      bef89041 f977a5a8 80000001 993e08cd
      54d6c123 0798""");

  // ---- srtp_validate_gcm: AEAD_AES_128_GCM (libsrtp's aes_gcm_128_16_auth) ----

  private static final SrtpMasterKey GCM_KEY = SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM,
      Hex.decode("000102030405060708090a0b0c0d0e0f"), Hex.decode("a0a1a2a3a4a5a6a7a8a9aaab"));

  private static final byte[] GCM_SRTP = Hex.decode("""
      800f1234 decafbad cafebabe c5002ede
      04cfdd2e b91159e0 880aa06e d2976826
      f796b201 df3131a1 27e8a392""");

  private static final byte[] GCM_SRTCP = Hex.decode("""
      81c8000b cafebabe c98b8b5d f0392a55
      852b6c21 ac8e7025 c52c6fbe a2b3b446
      ea31123b a88ce61e 80000001""");

  @Test
  void aesCmSrtpMatchesLibsrtp() throws Exception {
    assertThat(protectRtp(CM_KEY)).isEqualTo(CM_SRTP);
    assertThat(unprotectRtp(CM_KEY, CM_SRTP)).isEqualTo(RTP);
  }

  @Test
  void aesCmSrtcpMatchesLibsrtp() throws Exception {
    assertThat(protectSecondRtcp(CM_KEY)).isEqualTo(CM_SRTCP);
    assertThat(unprotectRtcp(CM_KEY, CM_SRTCP)).isEqualTo(RTCP);
  }

  @Test
  void gcmSrtpMatchesLibsrtp() throws Exception {
    assertThat(protectRtp(GCM_KEY)).isEqualTo(GCM_SRTP);
    assertThat(unprotectRtp(GCM_KEY, GCM_SRTP)).isEqualTo(RTP);
  }

  @Test
  void gcmSrtcpMatchesLibsrtp() throws Exception {
    assertThat(protectSecondRtcp(GCM_KEY)).isEqualTo(GCM_SRTCP);
    assertThat(unprotectRtcp(GCM_KEY, GCM_SRTCP)).isEqualTo(RTCP);
  }

  private static byte[] protectRtp(SrtpMasterKey key) throws SrtpException {
    byte[] buffer = Packets.withRoom(RTP);
    int length = OutboundSrtpContext.create(key).protectRtp(buffer, 0, RTP.length);
    return Arrays.copyOf(buffer, length);
  }

  private static byte[] unprotectRtp(SrtpMasterKey key, byte[] srtp) throws SrtpException {
    byte[] buffer = srtp.clone();
    int length = InboundSrtpContext.create(key).unprotectRtp(buffer, 0, buffer.length);
    return Arrays.copyOf(buffer, length);
  }

  private static byte[] protectSecondRtcp(SrtpMasterKey key) throws SrtpException {
    OutboundSrtpContext outbound = OutboundSrtpContext.create(key);
    byte[] first = Packets.withRoom(RTCP);
    outbound.protectRtcp(first, 0, RTCP.length); // SRTCP index 0
    byte[] buffer = Packets.withRoom(RTCP);
    int length = outbound.protectRtcp(buffer, 0, RTCP.length); // SRTCP index 1, as libsrtp's first
    return Arrays.copyOf(buffer, length);
  }

  private static byte[] unprotectRtcp(SrtpMasterKey key, byte[] srtcp) throws SrtpException {
    byte[] buffer = srtcp.clone();
    int length = InboundSrtpContext.create(key).unprotectRtcp(buffer, 0, buffer.length);
    return Arrays.copyOf(buffer, length);
  }
}
