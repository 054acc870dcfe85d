package dev.junction.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * The UDP socket bound to an allocation's relayed transport address. The protocol logic sends
 * through it; the I/O layer delivers what peers send to it back to the allocation.
 */
public interface RelaySocket {

  /** The relayed transport address as bound (the address put in XOR-RELAYED-ADDRESS may differ behind NAT). */
  InetSocketAddress localAddress();

  /** Sends {@code data} (released by the callee) to {@code peer}, by the end of the current batch of work. */
  void send(InetSocketAddress peer, ByteBuf data);

  /** Unbinds the socket. */
  void close();

  /** The loop the socket (and so its allocation) is confined to. */
  EventLoop eventLoop();
}
