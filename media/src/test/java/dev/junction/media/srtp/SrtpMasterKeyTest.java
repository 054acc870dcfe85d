package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Master keys are immutable values that never show their bytes. */
class SrtpMasterKeyTest {

  @Test
  void theGivenArraysAreCopied() {
    byte[] key = new byte[16];
    byte[] salt = new byte[12];
    SrtpMasterKey master = SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, key, salt);

    key[0] = 1;
    salt[0] = 1;

    assertThat(master).isEqualTo(SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]));
  }

  @Test
  void keysOfAnotherProfileOrValueDiffer() {
    SrtpMasterKey master = SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);
    byte[] otherKey = new byte[16];
    otherKey[15] = 1;

    assertThat(master).isNotEqualTo(SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, otherKey, new byte[12]));
    assertThat(master).isNotEqualTo(SrtpMasterKey.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new byte[16], new byte[14]));
  }

  @Test
  void lengthsMustBeTheProfiles() {
    assertThatThrownBy(() -> SrtpMasterKey.of(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[14]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AEAD_AES_128_GCM(0x0007) needs a 16-byte master key and a 12-byte master salt, got 16 and 14");
  }
}
