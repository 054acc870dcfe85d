package dev.junction.stun;

/** USE-CANDIDATE (RFC 8445 §16.1): the controlling agent nominates this pair. Empty value. */
public record UseCandidate() implements StunAttribute {

  /** USE-CANDIDATE. */
  public static final int TYPE = 0x0025;

  /** The attribute; it has no value, so one instance serves everyone. */
  public static final UseCandidate INSTANCE = new UseCandidate();

  @Override
  public int type() {
    return TYPE;
  }
}
