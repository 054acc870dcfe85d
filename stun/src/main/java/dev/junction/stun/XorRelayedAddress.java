package dev.junction.stun;

import java.net.InetSocketAddress;

/** XOR-RELAYED-ADDRESS (RFC 8656): the relayed transport address a TURN server allocated. */
public record XorRelayedAddress(InetSocketAddress address) implements AddressAttribute {

  /** XOR-RELAYED-ADDRESS. */
  public static final int TYPE = 0x0016;

  public XorRelayedAddress {
    Checks.resolved(address);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
