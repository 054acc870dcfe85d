package dev.junction.turn;

import java.net.InetSocketAddress;

/**
 * A channel number bound to a peer transport address (RFC 8656 §12). Confined to its
 * allocation's event loop.
 */
final class ChannelBinding {

  final int channel;
  final InetSocketAddress peer;
  long expiresAtMillis;

  ChannelBinding(int channel, InetSocketAddress peer, long expiresAtMillis) {
    this.channel = channel;
    this.peer = peer;
    this.expiresAtMillis = expiresAtMillis;
  }

  boolean isActive(long nowMillis) {
    return nowMillis < expiresAtMillis;
  }

  /** Still holding its number and peer against rebinding to something else. */
  boolean isHeld(long nowMillis) {
    return nowMillis < expiresAtMillis + Lifetimes.CHANNEL_REBIND_HOLD_MILLIS;
  }
}
