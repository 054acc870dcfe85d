package dev.junction.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session key derivation with the AES-CM PRF, RFC 3711 §4.3, for a key derivation rate of zero
 * (the only rate DTLS-SRTP uses, RFC 5764 §4.1.2: keys are derived once per session). RFC 7714
 * §11 has AEAD_AES_128_GCM use the same PRF.
 *
 * <pre>
 *   r      = index DIV key_derivation_rate        (= 0: "a DIV 0 = 0")
 *   key_id = &lt;label&gt; || r                        (8 + 48 bits)
 *   x      = key_id XOR master_salt                (right-aligned)
 *   PRF_n(k_master, x) = AES_CM(k_master, x * 2^16) truncated to n bits   (§4.3.3)
 * </pre>
 *
 * <p>With r = 0 the 16-byte AES-CM input block is the master salt, the label XORed into byte 7,
 * and two zero bytes. A 96-bit GCM master salt is padded with two zero bytes on the right to 112
 * bits first: that is what libsrtp and pion do, and what interoperates with browsers (libsrtp's
 * {@code srtp_validate_gcm} vector checks it).
 */
final class KeyDerivation {

  /** "The SRTP encryption key" (RFC 3711 §4.3.1). */
  static final int LABEL_SRTP_ENCRYPTION = 0x00;
  /** "The SRTP message authentication key". */
  static final int LABEL_SRTP_AUTHENTICATION = 0x01;
  /** "The SRTP salting key". */
  static final int LABEL_SRTP_SALT = 0x02;
  /** The SRTCP encryption key (§4.3.2). */
  static final int LABEL_SRTCP_ENCRYPTION = 0x03;
  /** The SRTCP message authentication key. */
  static final int LABEL_SRTCP_AUTHENTICATION = 0x04;
  /** The SRTCP salting key. */
  static final int LABEL_SRTCP_SALT = 0x05;

  /** n_a for HMAC-SHA1 (RFC 3711 §5.2: "n_a = 160"). */
  static final int HMAC_SHA1_KEY_LENGTH = 20;

  private static final int BLOCK = 16;
  private static final int LABEL_BYTE = 7;

  private KeyDerivation() {}

  /** The SRTP keys (labels 0x00, 0x01, 0x02) of a master key. */
  static SessionKeys srtp(SrtpMasterKey master) {
    return derive(master, LABEL_SRTP_ENCRYPTION, LABEL_SRTP_AUTHENTICATION, LABEL_SRTP_SALT);
  }

  /** The SRTCP keys (labels 0x03, 0x04, 0x05) of a master key. */
  static SessionKeys srtcp(SrtpMasterKey master) {
    return derive(master, LABEL_SRTCP_ENCRYPTION, LABEL_SRTCP_AUTHENTICATION, LABEL_SRTCP_SALT);
  }

  private static SessionKeys derive(SrtpMasterKey master, int encryption, int authentication, int salt) {
    SrtpProfile profile = master.profile();
    byte[] authKey = profile == SrtpProfile.AES_CM_128_HMAC_SHA1_80
        ? prf(master, authentication, HMAC_SHA1_KEY_LENGTH)
        : new byte[0];
    return new SessionKeys(
        prf(master, encryption, profile.keyLength()), prf(master, salt, profile.saltLength()), authKey);
  }

  /** PRF_n(k_master, x) for one label, n = {@code length} bytes. */
  static byte[] prf(SrtpMasterKey master, int label, int length) {
    byte[] block = new byte[BLOCK];
    byte[] masterSalt = master.saltBytes();
    System.arraycopy(masterSalt, 0, block, 0, masterSalt.length); // x, left-aligned; then * 2^16
    block[LABEL_BYTE] ^= (byte) label;
    try {
      Cipher aesCm = Cipher.getInstance("AES/CTR/NoPadding");
      aesCm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master.keyBytes(), "AES"), new IvParameterSpec(block));
      return aesCm.doFinal(new byte[length]); // the keystream itself
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides AES/CTR/NoPadding", e);
    }
  }
}
