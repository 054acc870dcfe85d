package dev.junction.turn;

import java.net.InetSocketAddress;

/**
 * What identifies a TURN client and its allocation (RFC 8656 §2): the client's address, the
 * server address it sent to, and the transport between them.
 */
public record FiveTuple(InetSocketAddress client, InetSocketAddress server, Transport transport) {

  /** The transport between client and server (the relay to peers is always UDP). */
  public enum Transport { UDP, TCP, TLS }
}
