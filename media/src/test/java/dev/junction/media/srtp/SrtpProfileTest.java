package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The profile values: RFC 5764 §4.1.2 and RFC 7714 §14.2 sizes and ids, and our preference. */
class SrtpProfileTest {

  @Test
  void gcmHasTheRfc7714Sizes() {
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;

    assertThat(gcm.id()).isEqualTo(0x0007);
    assertThat(gcm.keyLength()).isEqualTo(16);
    assertThat(gcm.saltLength()).isEqualTo(12);
    assertThat(gcm.tagLength()).isEqualTo(16);
    assertThat(gcm.srtpOverhead()).isEqualTo(16);
    assertThat(gcm.srtcpOverhead()).isEqualTo(20);
    assertThat(gcm.keyingMaterialLength()).isEqualTo(56);
  }

  @Test
  void aesCmHasTheRfc3711Sizes() {
    SrtpProfile cm = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    assertThat(cm.id()).isEqualTo(0x0001);
    assertThat(cm.keyLength()).isEqualTo(16);
    assertThat(cm.saltLength()).isEqualTo(14);
    assertThat(cm.tagLength()).isEqualTo(10);
    assertThat(cm.srtpOverhead()).isEqualTo(10);
    assertThat(cm.srtcpOverhead()).isEqualTo(14);
    assertThat(cm.keyingMaterialLength()).isEqualTo(60);
  }

  @Test
  void profilesAreFoundByTheirUseSrtpId() {
    assertThat(SrtpProfile.forId(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(SrtpProfile.forId(0x0001)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    assertThat(SrtpProfile.forId(0x0002)).isEmpty(); // SRTP_AES128_CM_HMAC_SHA1_32: not implemented
    assertThat(SrtpProfile.forId(0x0008)).isEmpty(); // SRTP_AEAD_AES_256_GCM: not implemented
  }

  @Test
  void gcmIsChosenWheneverOfferedWhateverTheClientsOrder() {
    // Chrome's order: 0x0007, 0x0008, 0x0001, 0x0002.
    assertThat(SrtpProfile.choose(0x0007, 0x0008, 0x0001, 0x0002)).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(SrtpProfile.choose(0x0001, 0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
  }

  @Test
  void aesCmIsTheFallback() {
    assertThat(SrtpProfile.choose(0x0002, 0x0001)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
  }

  @Test
  void nothingIsChosenFromUnknownProfiles() {
    assertThat(SrtpProfile.choose(0x0002, 0x0008)).isEmpty();
    assertThat(SrtpProfile.choose()).isEmpty();
  }

  @Test
  void toStringShowsNameAndId() {
    assertThat(SrtpProfile.AEAD_AES_128_GCM).hasToString("AEAD_AES_128_GCM(0x0007)");
  }
}
