package dev.junction.stun;

/**
 * A received message together with its bytes, so that MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT can be checked against exactly what arrived. The key is
 * usually known only after reading USERNAME and REALM, hence the separate step.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecodedMessage {

  private final StunMessage message;
  private final byte[] bytes;
  private final int integrity;
  private final int integritySha256;
  private final int fingerprint;

  /**
   * @param bytes the whole message, owned by this object from now on
   * @param integrity offset of the MESSAGE-INTEGRITY attribute header, or -1; likewise the others
   */
  DecodedMessage(StunMessage message, byte[] bytes, int integrity, int integritySha256, int fingerprint) {
    this.message = message;
    this.bytes = bytes;
    this.integrity = integrity;
    this.integritySha256 = integritySha256;
    this.fingerprint = fingerprint;
  }

  /** The message: type, transaction id and the attributes that count. */
  public StunMessage message() {
    return message;
  }

  /** The received bytes, shared without a copy. */
  public Bytes bytes() {
    return Bytes.wrapUnshared(bytes, 0, bytes.length);
  }

  /** Whether MESSAGE-INTEGRITY is present. */
  public boolean hasMessageIntegrity() {
    return integrity >= 0;
  }

  /** Whether MESSAGE-INTEGRITY-SHA256 is present. */
  public boolean hasMessageIntegritySha256() {
    return integritySha256 >= 0;
  }

  /** Whether FINGERPRINT is present. */
  public boolean hasFingerprint() {
    return fingerprint >= 0;
  }

  /**
   * Checks MESSAGE-INTEGRITY-SHA256 if present, otherwise MESSAGE-INTEGRITY: a sender that added
   * both understands both, and then the stronger one decides. False if neither is present.
   */
  public boolean verifyIntegrity(IntegrityKey key) {
    return hasMessageIntegritySha256() ? verifyMessageIntegritySha256(key) : verifyMessageIntegrity(key);
  }

  /** Whether MESSAGE-INTEGRITY is present and is the HMAC-SHA1 of the message under {@code key}. */
  public boolean verifyMessageIntegrity(IntegrityKey key) {
    if (integrity < 0) {
      return false;
    }
    byte[] expected = Trailers.messageIntegrity(bytes, integrity, key);
    return Trailers.matches(expected, bytes, integrity + 4, MessageIntegrity.LENGTH);
  }

  /**
   * Whether MESSAGE-INTEGRITY-SHA256 is present and matches under {@code key}; a truncated value
   * is compared with as many leading bytes of the HMAC (RFC 8489 §14.6).
   */
  public boolean verifyMessageIntegritySha256(IntegrityKey key) {
    if (integritySha256 < 0) {
      return false;
    }
    int length = Wire.u16(bytes, integritySha256 + 2);
    byte[] expected = Trailers.messageIntegritySha256(bytes, integritySha256, length, key);
    return Trailers.matches(expected, bytes, integritySha256 + 4, length);
  }

  /** Whether FINGERPRINT is present and matches the CRC-32 of the message before it. */
  public boolean hasValidFingerprint() {
    return fingerprint >= 0 && Trailers.fingerprint(bytes, fingerprint) == Wire.u32(bytes, fingerprint + 4);
  }

  @Override
  public String toString() {
    return message.toString();
  }
}
