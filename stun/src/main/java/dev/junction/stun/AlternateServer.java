package dev.junction.stun;

import java.net.InetSocketAddress;

/** ALTERNATE-SERVER (RFC 8489 §14.15): where a 300 (Try Alternate) sends the client; same layout as MAPPED-ADDRESS, not XORed. */
public record AlternateServer(InetSocketAddress address) implements AddressAttribute {

  /** ALTERNATE-SERVER. */
  public static final int TYPE = 0x8023;

  public AlternateServer {
    Checks.resolved(address);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
