package dev.junction.stun;

import java.net.InetSocketAddress;

/** XOR-PEER-ADDRESS (RFC 8656): the peer a TURN client talks to through its relay. It is what a server must check against its relay policy. */
public record XorPeerAddress(InetSocketAddress address) implements AddressAttribute {

  /** XOR-PEER-ADDRESS. */
  public static final int TYPE = 0x0012;

  public XorPeerAddress {
    Checks.resolved(address);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
