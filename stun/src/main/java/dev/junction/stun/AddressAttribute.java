package dev.junction.stun;

import java.net.InetSocketAddress;

/**
 * An attribute whose value is a transport address. The XOR forms hide the address from middle
 * boxes that rewrite addresses they find in payloads (RFC 8489 §14.2).
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) sent with family IPv6 decodes to an
 * {@link java.net.Inet6Address}, as it was sent: the family is part of what the peer asked for
 * (TURN's 443 Peer Address Family Mismatch). Whoever checks an address against a deny list must
 * canonicalise such forms first.
 */
public sealed interface AddressAttribute extends StunAttribute
    permits MappedAddress, XorMappedAddress, XorPeerAddress, XorRelayedAddress, AlternateServer {

  /** A resolved socket address; never a host name. */
  InetSocketAddress address();
}
