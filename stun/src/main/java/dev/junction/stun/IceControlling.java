package dev.junction.stun;

/**
 * ICE-CONTROLLING (RFC 8445 §16.1): the sender believes it is the controlling agent.
 *
 * @param tieBreaker 64 random bits; compared as unsigned numbers to resolve a role conflict
 */
public record IceControlling(long tieBreaker) implements StunAttribute {

  /** ICE-CONTROLLING. */
  public static final int TYPE = 0x802A;

  @Override
  public int type() {
    return TYPE;
  }
}
