package dev.junction.stun;

/**
 * PRIORITY (RFC 8445 §16.1): the priority the peer-reflexive candidate learned from this check would get.
 *
 * @param priority 32-bit unsigned
 */
public record Priority(long priority) implements StunAttribute {

  /** PRIORITY. */
  public static final int TYPE = 0x0024;

  public Priority {
    Checks.unsigned32("PRIORITY", priority);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
