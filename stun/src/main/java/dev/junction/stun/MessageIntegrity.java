package dev.junction.stun;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to this attribute. A decoded
 * message holds the received value; to check it use {@link DecodedMessage#verifyIntegrity}, and
 * to send one use {@link StunMessage.Builder#messageIntegrity}, which computes it.
 *
 * @param hmac 20 bytes
 */
public record MessageIntegrity(Bytes hmac) implements StunAttribute {

  /** MESSAGE-INTEGRITY. */
  public static final int TYPE = 0x0008;

  /** Length of the value: one HMAC-SHA1. */
  public static final int LENGTH = 20;

  public MessageIntegrity {
    Checks.size("MESSAGE-INTEGRITY", hmac, LENGTH);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
