package dev.junction.stun;

/**
 * ADDITIONAL-ADDRESS-FAMILY (RFC 8656): asks for a second relayed address of this family (IPv6 is the only one RFC 8656 allows; the server checks that).
 *
 * <p>Any 8-bit family decodes, so that a server can answer one it does not support with 440
 * (Address Family not Supported) rather than treat the request as malformed.
 *
 * @param family {@link #FAMILY_IPV4} (0x01) or {@link #FAMILY_IPV6} (0x02)
 */
public record AdditionalAddressFamily(int family) implements StunAttribute {

  /** ADDITIONAL-ADDRESS-FAMILY. */
  public static final int TYPE = 0x8000;

  /** Address family IPv4, as in the address attributes. */
  public static final int FAMILY_IPV4 = 0x01;

  /** Address family IPv6. */
  public static final int FAMILY_IPV6 = 0x02;

  /** IPv4. */
  public static final AdditionalAddressFamily IPV4 = new AdditionalAddressFamily(FAMILY_IPV4);

  /** IPv6. */
  public static final AdditionalAddressFamily IPV6 = new AdditionalAddressFamily(FAMILY_IPV6);

  public AdditionalAddressFamily {
    Checks.unsigned8("ADDITIONAL-ADDRESS-FAMILY", family);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
