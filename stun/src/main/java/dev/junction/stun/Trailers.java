package dev.junction.stun;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.crypto.Mac;

/**
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT: the attributes computed over the
 * message before them, on the way out and on the way in.
 *
 * <p>Each is computed over the header and every attribute before it, with the header's length
 * field "adjusted to point to the end of" the attribute being computed (RFC 8489 §14.5, §14.6,
 * §14.7) — as if the message ended there. That lets MESSAGE-INTEGRITY-SHA256 and FINGERPRINT
 * follow MESSAGE-INTEGRITY without invalidating it. FINGERPRINT is "the CRC-32 of the STUN
 * message up to (but excluding) the FINGERPRINT attribute itself, XOR'ed with the 32-bit value
 * 0x5354554e".
 */
final class Trailers {

  /** Attribute header plus HMAC-SHA1. */
  static final int MESSAGE_INTEGRITY_SIZE = 4 + MessageIntegrity.LENGTH;
  /** Attribute header plus a full HMAC-SHA256. */
  static final int MESSAGE_INTEGRITY_SHA256_SIZE = 4 + MessageIntegritySha256.LENGTH;
  /** Attribute header plus CRC-32. */
  static final int FINGERPRINT_SIZE = 4 + Fingerprint.LENGTH;

  private Trailers() {}

  // ---- encoding: the message so far is in out, from start to out.position() ----

  static void appendMessageIntegrity(ByteBuffer out, int start, IntegrityKey key) {
    byte[] hmac = mac(Hmac.sha1(key), out, start, MESSAGE_INTEGRITY_SIZE);
    out.putShort((short) MessageIntegrity.TYPE).putShort((short) hmac.length).put(hmac);
  }

  static void appendMessageIntegritySha256(ByteBuffer out, int start, IntegrityKey key) {
    byte[] hmac = mac(Hmac.sha256(key), out, start, MESSAGE_INTEGRITY_SHA256_SIZE);
    out.putShort((short) MessageIntegritySha256.TYPE).putShort((short) hmac.length).put(hmac);
  }

  static void appendFingerprint(ByteBuffer out, int start) {
    int end = out.position();
    setLength(out, start, end - start - StunMessage.HEADER_LENGTH + FINGERPRINT_SIZE);
    CRC32 crc = new CRC32();
    crc.update(region(out, start, end));
    out.putShort((short) Fingerprint.TYPE).putShort((short) Fingerprint.LENGTH);
    out.putInt((int) crc.getValue() ^ Fingerprint.XOR);
  }

  private static byte[] mac(Mac mac, ByteBuffer out, int start, int attributeSize) {
    int end = out.position();
    setLength(out, start, end - start - StunMessage.HEADER_LENGTH + attributeSize);
    mac.update(region(out, start, end));
    return mac.doFinal();
  }

  private static void setLength(ByteBuffer out, int start, int length) {
    out.putShort(start + 2, (short) length);
  }

  private static ByteBuffer region(ByteBuffer out, int start, int end) {
    ByteBuffer region = out.duplicate();
    region.limit(end).position(start);
    return region;
  }

  // ---- verifying: message holds the received message from offset 0 ----

  /** HMAC-SHA1 of the message before {@code attributeOffset}, length adjusted to include it. */
  static byte[] messageIntegrity(byte[] message, int attributeOffset, IntegrityKey key) {
    Mac mac = Hmac.sha1(key);
    update(mac, message, attributeOffset, MESSAGE_INTEGRITY_SIZE);
    return mac.doFinal();
  }

  /** HMAC-SHA256 likewise; {@code valueLength} is the received (possibly truncated) length. */
  static byte[] messageIntegritySha256(byte[] message, int attributeOffset, int valueLength, IntegrityKey key) {
    Mac mac = Hmac.sha256(key);
    update(mac, message, attributeOffset, 4 + valueLength);
    return mac.doFinal();
  }

  /** The FINGERPRINT value the message should carry at {@code attributeOffset}. */
  static long fingerprint(byte[] message, int attributeOffset) {
    CRC32 crc = new CRC32();
    crc.update(message, 0, 2);
    int length = attributeOffset - StunMessage.HEADER_LENGTH + FINGERPRINT_SIZE;
    crc.update(length >>> 8);
    crc.update(length);
    crc.update(message, 4, attributeOffset - 4);
    return (crc.getValue() ^ Fingerprint.XOR) & 0xFFFF_FFFFL;
  }

  /**
   * Whether the first {@code length} bytes of {@code computed} equal the received value, in time
   * that does not depend on where they differ: an early exit would let an attacker find a valid
   * HMAC byte by byte from response timing.
   */
  static boolean matches(byte[] computed, byte[] message, int offset, int length) {
    int diff = 0;
    for (int i = 0; i < length; i++) {
      diff |= computed[i] ^ message[offset + i];
    }
    return diff == 0;
  }

  private static void update(Mac mac, byte[] message, int attributeOffset, int attributeSize) {
    int length = attributeOffset - StunMessage.HEADER_LENGTH + attributeSize;
    mac.update(message, 0, 2);
    mac.update((byte) (length >>> 8));
    mac.update((byte) length);
    mac.update(message, 4, attributeOffset - 4);
  }
}
