package dev.junction.bench.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;

/**
 * The relay load's UDP sockets: epoll datagram channels on one event loop that read up to
 * {@link #PER_READ} datagrams per {@code recvmmsg} and write what a read produced with one
 * {@code sendmmsg}, with large socket buffers so a burst waits in the kernel instead of being
 * dropped. The generator must cost less per message than the servers it loads.
 */
final class RelayDatagrams {

  static final int PER_READ = 32;
  private static final int MAX_DATAGRAM = 2048;
  private static final int SOCKET_BUFFER = 4 << 20;

  private RelayDatagrams() {}

  /** One event-loop thread: the whole generator runs on it, so it can be pinned to one core. */
  static EventLoopGroup loop() {
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException("the relay load needs Linux epoll: " + Epoll.unavailabilityCause());
    }
    return new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
  }

  static Bootstrap bootstrap(EventLoopGroup loop, ChannelHandler handler) {
    return new Bootstrap()
        .group(loop)
        .channel(EpollDatagramChannel.class)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
        .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(PER_READ * MAX_DATAGRAM))
        .handler(handler);
  }
}
