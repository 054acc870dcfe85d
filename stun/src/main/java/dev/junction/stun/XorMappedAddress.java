package dev.junction.stun;

import java.net.InetSocketAddress;

/** XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the client's reflexive transport address, as the server saw it. */
public record XorMappedAddress(InetSocketAddress address) implements AddressAttribute {

  /** XOR-MAPPED-ADDRESS. */
  public static final int TYPE = 0x0020;

  public XorMappedAddress {
    Checks.resolved(address);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
