package dev.junction.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;

/** Binds relay sockets for allocations; the I/O layer implements it. */
public interface RelayBinder {

  /**
   * Binds a UDP socket at {@code local} on {@code loop} (the allocation's client's loop). Each
   * datagram a peer sends to it goes to {@code onPeerData} on that loop, which releases it.
   */
  Future<RelaySocket> bind(InetSocketAddress local, EventLoop loop, PeerDataHandler onPeerData);

  /** Receives what peers send to a relay socket. */
  @FunctionalInterface
  interface PeerDataHandler {
    /**
     * {@code data} is the datagram between its reader and writer index. The buffer is the
     * handler's alone, bytes before the reader index included: it may frame the datagram there.
     */
    void onPeerData(InetSocketAddress peer, ByteBuf data);
  }
}
