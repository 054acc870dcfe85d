package dev.junction.stun;

/** DONT-FRAGMENT (RFC 8656): set the DF bit on packets relayed to the peer. Empty value. */
public record DontFragment() implements StunAttribute {

  /** DONT-FRAGMENT. */
  public static final int TYPE = 0x001A;

  /** The attribute; it has no value, so one instance serves everyone. */
  public static final DontFragment INSTANCE = new DontFragment();

  @Override
  public int type() {
    return TYPE;
  }
}
