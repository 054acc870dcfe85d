package dev.junction.bench.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;

/**
 * The relay load's UDP sockets: epoll datagram channels on one event loop that read up to
 * {@link #PER_READ} datagrams per {@code recvmmsg} and write what a read produced with one
 * {@code sendmmsg}, with large socket buffers so a burst waits in the kernel instead of being
 * dropped, and runs of datagrams to one recipient sent as one segmented packet where the kernel
 * can ({@link DatagramRuns}). The generator must cost less per message than the servers it loads.
 */
final class RelayDatagrams {

  static final int PER_READ = 32;
  static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;
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
        .option(ChannelOption.ALLOCATOR, ALLOCATOR)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
        .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(PER_READ * MAX_DATAGRAM))
        .handler(handler);
  }

  /** Whether Netty and the kernel can send a segmented packet: epoll with {@code UDP_SEGMENT} (Linux 4.18+). */
  static boolean segmentationSupported() {
    return SegmentedDatagramPacket.isSupported();
  }

  /**
   * Writes, without flushing, each run {@link DatagramRuns} hands over to {@code channel}: one
   * datagram as it is, several as one segmented packet. On a connected channel the recipient
   * must be the connected address (a segmented packet always names its recipient).
   */
  static DatagramRuns.Output writer(Channel channel) {
    return (recipient, datagrams, segmentSize) -> channel.write(datagrams.readableBytes() > segmentSize
        ? new SegmentedDatagramPacket(datagrams, segmentSize, recipient)
        : new DatagramPacket(datagrams, recipient), channel.voidPromise());
  }
}
