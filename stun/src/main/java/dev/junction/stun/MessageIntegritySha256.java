package dev.junction.stun;

import java.util.Objects;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256 over the message up to this attribute.
 * A sender may truncate it to a multiple of 4 bytes, no shorter than 16.
 *
 * @param hmac 16–32 bytes, a multiple of 4
 */
public record MessageIntegritySha256(Bytes hmac) implements StunAttribute {

  /** MESSAGE-INTEGRITY-SHA256. */
  public static final int TYPE = 0x001C;

  /** Length of a full HMAC-SHA256, which is what this codec sends. */
  public static final int LENGTH = 32;

  /** Shortest truncation allowed. */
  public static final int MIN_LENGTH = 16;

  public MessageIntegritySha256 {
    Objects.requireNonNull(hmac, "hmac");
    if (hmac.size() < MIN_LENGTH || hmac.size() > LENGTH || hmac.size() % 4 != 0) {
      throw new IllegalArgumentException(
          "MESSAGE-INTEGRITY-SHA256 has 16 to 32 bytes in steps of 4, got " + hmac.size());
    }
  }

  @Override
  public int type() {
    return TYPE;
  }
}
