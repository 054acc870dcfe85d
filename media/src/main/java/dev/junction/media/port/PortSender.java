package dev.junction.media.port;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Writes datagrams through one socket of the media port. Writes are queued until {@link #flush},
 * so a frame's packets leave together (one sendmmsg with epoll). Use it from the loop it was made
 * for; from elsewhere Netty hands each write to that loop, which is correct but slower.
 */
public final class PortSender {

  private final Channel channel;
  private final PortCounters counters;

  PortSender(Channel channel, PortCounters counters) {
    this.channel = channel;
    this.counters = counters;
  }

  /**
   * Queues {@code packet[0..length)} for {@code recipient}; the array is the sender's from now on.
   * When the kernel has stopped taking datagrams and the socket's queue in the JVM is past its high
   * water mark, the packet is dropped (and counted) instead: UDP may drop, a heap may not fill up.
   */
  public void write(byte[] packet, int length, InetSocketAddress recipient) {
    if (!channel.isWritable()) {
      counters.droppedOnSend();
      return;
    }
    channel.write(new DatagramPacket(Unpooled.wrappedBuffer(packet, 0, length), recipient), channel.voidPromise());
    counters.sent(length);
  }

  /** Sends everything queued. */
  public void flush() {
    channel.flush();
  }
}
