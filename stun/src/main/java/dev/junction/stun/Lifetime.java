package dev.junction.stun;

/**
 * LIFETIME (RFC 8656): seconds until a TURN allocation expires; a Refresh with 0 deletes it.
 *
 * @param seconds 32-bit unsigned
 */
public record Lifetime(long seconds) implements StunAttribute {

  /** LIFETIME. */
  public static final int TYPE = 0x000D;

  public Lifetime {
    Checks.unsigned32("LIFETIME", seconds);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
