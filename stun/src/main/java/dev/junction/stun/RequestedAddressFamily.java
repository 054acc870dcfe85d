package dev.junction.stun;

/**
 * REQUESTED-ADDRESS-FAMILY (RFC 8656): the family of the relayed address a TURN client wants.
 *
 * <p>Any 8-bit family decodes, so that a server can answer one it does not support with 440
 * (Address Family not Supported) rather than treat the request as malformed.
 *
 * @param family {@link #FAMILY_IPV4} (0x01) or {@link #FAMILY_IPV6} (0x02)
 */
public record RequestedAddressFamily(int family) implements StunAttribute {

  /** REQUESTED-ADDRESS-FAMILY. */
  public static final int TYPE = 0x0017;

  /** Address family IPv4, as in the address attributes. */
  public static final int FAMILY_IPV4 = 0x01;

  /** Address family IPv6. */
  public static final int FAMILY_IPV6 = 0x02;

  /** IPv4. */
  public static final RequestedAddressFamily IPV4 = new RequestedAddressFamily(FAMILY_IPV4);

  /** IPv6. */
  public static final RequestedAddressFamily IPV6 = new RequestedAddressFamily(FAMILY_IPV6);

  public RequestedAddressFamily {
    Checks.unsigned8("REQUESTED-ADDRESS-FAMILY", family);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
