package dev.junction.stun;

/**
 * RESERVATION-TOKEN (RFC 8656): names a relayed port a server reserved after an EVEN-PORT
 * request with the R bit, so a later Allocate can claim it.
 *
 * @param token 8 opaque bytes, as one number
 */
public record ReservationToken(long token) implements StunAttribute {

  /** RESERVATION-TOKEN. */
  public static final int TYPE = 0x0022;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public String toString() {
    return String.format("ReservationToken[token=%016x]", token);
  }
}
