package dev.junction.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 in counter mode and HMAC-SHA1 under one set of SRTP or SRTCP session keys (RFC 3711
 * §4.1.1 and §4.2.1).
 *
 * <p>The counter block (§4.1.1), for SRTP with the 48-bit packet index i, for SRTCP with the
 * 31-bit SRTCP index:
 *
 * <pre>
 *   IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
 *
 *     0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 *   |        session salt k_s (14 bytes)      |00 00|
 *   |00 00 00 00|   SSRC    |00 00|                      XOR
 *   |00 00 00 00 00 00 00 00|  index i (48 bits) |00 00| XOR
 * </pre>
 *
 * The last two bytes count the keystream blocks; {@code AES/CTR/NoPadding} increments the whole
 * block, which is the same for any packet shorter than 2^16 blocks.
 *
 * <p>The tag is HMAC-SHA1 truncated to its first 80 bits (§4.2.1), over the authenticated portion
 * and, for SRTP only, the ROC (§4.2: "M = Authenticated Portion || ROC"). {@code Cipher} and
 * {@code Mac} are reused; the HMAC key is set once, and {@code doFinal} leaves the {@code Mac}
 * ready for the next packet. Not thread-safe.
 */
final class AesCmHmacSha1 {

  static final int SALT_LENGTH = 14;
  static final int TAG_LENGTH = 10;

  private final Cipher cipher;
  private final SecretKeySpec key;
  private final Mac mac;
  private final byte[] salt;
  private final byte[] iv = new byte[16];
  private final byte[] digest = new byte[20];
  private final byte[] roc = new byte[4];
  private byte[] scratch = new byte[1500]; // grows to the largest in-place payload seen

  AesCmHmacSha1(SessionKeys keys) {
    if (keys.salt().length != SALT_LENGTH) {
      throw new IllegalArgumentException("an AES-CM session salt has 14 bytes, got " + keys.salt().length);
    }
    this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
    this.salt = keys.salt().clone();
    try {
      this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
      this.mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(keys.authenticationKey(), "HmacSHA1"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides AES/CTR/NoPadding and HmacSHA1", e);
    }
  }

  /**
   * XORs {@code length} bytes from {@code src} with the keystream of ({@code ssrc}, {@code index})
   * into {@code dst}; encryption and decryption are the same operation.
   */
  void crypt(int ssrc, long index, byte[] src, int srcOffset, int length, byte[] dst, int dstOffset) {
    if (length == 0) {
      return;
    }
    System.arraycopy(salt, 0, iv, 0, SALT_LENGTH);
    iv[14] = 0;
    iv[15] = 0;
    iv[4] ^= (byte) (ssrc >>> 24);
    iv[5] ^= (byte) (ssrc >>> 16);
    iv[6] ^= (byte) (ssrc >>> 8);
    iv[7] ^= (byte) ssrc;
    iv[8] ^= (byte) (index >>> 40);
    iv[9] ^= (byte) (index >>> 32);
    iv[10] ^= (byte) (index >>> 24);
    iv[11] ^= (byte) (index >>> 16);
    iv[12] ^= (byte) (index >>> 8);
    iv[13] ^= (byte) index;
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
      if (src != dst) {
        cipher.doFinal(src, srcOffset, length, dst, dstOffset);
      } else {
        // SunJCE copies an in-place input to a new array first (CipherCore's overlap check),
        // 1.3 kB per video packet; going through our own scratch buffer costs the same copy
        // without the garbage.
        byte[] out = scratch(length);
        cipher.doFinal(src, srcOffset, length, out, 0);
        System.arraycopy(out, 0, dst, dstOffset, length);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR failed with a 16-byte key and room checked", e);
    }
  }

  private byte[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    return scratch;
  }

  /** Writes the 10-byte SRTP tag of {@code packet[offset..+length] || ROC} to {@code packet[tagAt..]}. */
  void writeTag(byte[] packet, int offset, int length, long rolloverCounter, int tagAt) {
    digest(packet, offset, length, rolloverCounter);
    System.arraycopy(digest, 0, packet, tagAt, TAG_LENGTH);
  }

  /** Writes the 10-byte SRTCP tag of {@code packet[offset..+length]} (no ROC) to {@code packet[tagAt..]}. */
  void writeTag(byte[] packet, int offset, int length, int tagAt) {
    digest(packet, offset, length, -1);
    System.arraycopy(digest, 0, packet, tagAt, TAG_LENGTH);
  }

  /** Whether the 10 bytes at {@code tagAt} are the SRTP tag of {@code packet[offset..+length] || ROC}. */
  boolean tagMatches(byte[] packet, int offset, int length, long rolloverCounter, int tagAt) {
    digest(packet, offset, length, rolloverCounter);
    return Wire.equalInConstantTime(digest, 0, packet, tagAt, TAG_LENGTH);
  }

  /** Whether the 10 bytes at {@code tagAt} are the SRTCP tag of {@code packet[offset..+length]}. */
  boolean tagMatches(byte[] packet, int offset, int length, int tagAt) {
    return tagMatches(packet, offset, length, -1, tagAt);
  }

  private void digest(byte[] packet, int offset, int length, long rolloverCounter) {
    mac.update(packet, offset, length);
    if (rolloverCounter >= 0) {
      Wire.putU32(roc, 0, (int) rolloverCounter);
      mac.update(roc);
    }
    try {
      mac.doFinal(digest, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a 20-byte buffer holds an HMAC-SHA1", e);
    }
  }
}
