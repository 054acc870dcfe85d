package dev.junction.stun;

/**
 * EVEN-PORT (RFC 8656): the client wants a relayed port that is even, and with
 * {@code reserveNext} the next port reserved too (for RTP and RTCP).
 *
 * @param reserveNext the R bit
 */
public record EvenPort(boolean reserveNext) implements StunAttribute {

  /** EVEN-PORT. */
  public static final int TYPE = 0x0018;

  @Override
  public int type() {
    return TYPE;
  }
}
