package dev.junction.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128-GCM under one SRTP or SRTCP session key (RFC 7714), with the IV built from the session
 * salt, the SSRC and the packet index (§8.1 for SRTP, §9.1 for SRTCP):
 *
 * <pre>
 *     0  1  2  3  4  5  6  7  8  9 10 11
 *   +--+--+--+--+--+--+--+--+--+--+--+--+
 *   |00|00|    SSRC   |     ROC   | SEQ |---+      SRTP: ROC || SEQ is the 48-bit index
 *   +--+--+--+--+--+--+--+--+--+--+--+--+   |
 *   |00|00|    SSRC   |00|00|0+SRTCP Idx|---+      SRTCP: the 31-bit SRTCP index
 *   +--+--+--+--+--+--+--+--+--+--+--+--+   |
 *   |         Encryption Salt           |->(+)
 *   +--+--+--+--+--+--+--+--+--+--+--+--+   |
 *   |       Initialization Vector       |&lt;--+
 *   +--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 *
 * Both are "00 00, SSRC, then a 48-bit index", so one builder serves both.
 *
 * <p>One {@code Cipher} is re-initialised per packet. SunJCE refuses to ENCRYPT twice with the
 * same key and IV on one instance ("Cannot reuse iv for GCM encryption"); here that cannot
 * happen, because the contexts never hand the same (SSRC, index) to protect twice — which is also
 * what GCM's security needs. SunJCE keeps the expanded AES key across re-inits with the same key
 * bytes, so a re-init is cheap (about 0.1 µs, {@code SrtpCostMeasurement}); but it allocates: the
 * {@code GCMParameterSpec} with copies of IV and key (120 bytes), and JDK 17's SunJCE builds a new
 * GCM engine with its GHASH table at every {@code doFinal} (about 830 bytes). Nothing here can
 * avoid that short-lived garbage short of a GCM of our own. Not thread-safe.
 */
final class AesGcm {

  static final int IV_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private final Cipher cipher;
  private final SecretKeySpec key;
  private final byte[] salt;
  private final byte[] iv = new byte[IV_LENGTH];

  AesGcm(SessionKeys keys) {
    if (keys.salt().length != IV_LENGTH) {
      throw new IllegalArgumentException("an AES-GCM session salt has 12 bytes, got " + keys.salt().length);
    }
    this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
    this.salt = keys.salt().clone();
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides AES/GCM/NoPadding", e);
    }
  }

  /** Starts one packet: builds the IV and initialises the cipher for {@code mode}. */
  void start(int mode, int ssrc, long index) {
    iv[0] = salt[0];
    iv[1] = salt[1];
    iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
    iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
    iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
    iv[5] = (byte) (salt[5] ^ ssrc);
    iv[6] = (byte) (salt[6] ^ (index >>> 40));
    iv[7] = (byte) (salt[7] ^ (index >>> 32));
    iv[8] = (byte) (salt[8] ^ (index >>> 24));
    iv[9] = (byte) (salt[9] ^ (index >>> 16));
    iv[10] = (byte) (salt[10] ^ (index >>> 8));
    iv[11] = (byte) (salt[11] ^ index);
    try {
      cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused a 16-byte key or a fresh 12-byte IV", e);
    }
  }

  /** Adds associated data; call after {@link #start}, before {@link #seal} or {@link #open}. */
  void associate(byte[] data, int offset, int length) {
    cipher.updateAAD(data, offset, length);
  }

  /** Encrypts and appends the 16-byte tag; returns {@code length + 16}. */
  int seal(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
    try {
      return cipher.doFinal(src, srcOffset, length, dst, dstOffset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed with room checked", e);
    }
  }

  /**
   * Verifies the tag at the end of {@code src[srcOffset..+length]} and decrypts the rest; returns
   * {@code length - 16}.
   *
   * @throws AEADBadTagException if the tag does not verify
   */
  int open(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) throws AEADBadTagException {
    try {
      return cipher.doFinal(src, srcOffset, length, dst, dstOffset);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed with lengths checked", e);
    }
  }
}
