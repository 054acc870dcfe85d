package dev.junction.stun;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute, XORed with
 * 0x5354554e. It tells STUN from other protocols on a shared port; it is no protection against
 * tampering. Check it with {@link DecodedMessage#hasValidFingerprint()}; send it with
 * {@link StunMessage.Builder#fingerprint()}.
 *
 * @param value 32-bit unsigned, as received
 */
public record Fingerprint(long value) implements StunAttribute {

  /** FINGERPRINT. */
  public static final int TYPE = 0x8028;

  /** Length of the value. */
  public static final int LENGTH = 4;

  /** XORed into the CRC so that a protocol which also ends with a CRC-32 does not match. */
  public static final int XOR = 0x5354554e;

  public Fingerprint {
    Checks.unsigned32("FINGERPRINT", value);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public String toString() {
    return String.format("Fingerprint[value=0x%08x]", value);
  }
}
