package dev.junction.stun;

/**
 * ICE-CONTROLLED (RFC 8445 §16.1): the sender believes it is the controlled agent.
 *
 * @param tieBreaker 64 random bits; compared as unsigned numbers to resolve a role conflict
 */
public record IceControlled(long tieBreaker) implements StunAttribute {

  /** ICE-CONTROLLED. */
  public static final int TYPE = 0x8029;

  @Override
  public int type() {
    return TYPE;
  }
}
