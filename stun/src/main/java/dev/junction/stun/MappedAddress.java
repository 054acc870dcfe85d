package dev.junction.stun;

import java.net.InetSocketAddress;

/** MAPPED-ADDRESS (RFC 8489 §14.1): the reflexive address in its plain form, kept for RFC 3489 clients. */
public record MappedAddress(InetSocketAddress address) implements AddressAttribute {

  /** MAPPED-ADDRESS. */
  public static final int TYPE = 0x0001;

  public MappedAddress {
    Checks.resolved(address);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
