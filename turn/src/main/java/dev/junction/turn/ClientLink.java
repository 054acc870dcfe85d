package dev.junction.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * How to answer one TURN client: a source address on a UDP listener, or a TCP/TLS connection.
 * Its allocation lives on {@link #eventLoop()}, and so does every call to these methods.
 */
public interface ClientLink {

  FiveTuple fiveTuple();

  /** Queues {@code data} (released by the callee) to the client; flushed at the end of the batch. */
  void send(ByteBuf data);

  /**
   * Flushes now. Only needed for a send outside the handling of a read (an answer completed
   * asynchronously): sends made while handling reads are flushed once the batch of reads ends.
   */
  void flush();

  /** The event loop this client, its allocation and its relay socket are confined to. */
  EventLoop eventLoop();
}
