package dev.junction.media.port;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * Native epoll where Linux offers it (SO_REUSEPORT to spread the port over every loop, recvmmsg
 * and sendmmsg batches), Java NIO elsewhere.
 */
record PortTransport(boolean epoll, Class<? extends DatagramChannel> datagram) {

  static PortTransport best() {
    return Epoll.isAvailable()
        ? new PortTransport(true, EpollDatagramChannel.class)
        : new PortTransport(false, NioDatagramChannel.class);
  }

  EventLoopGroup newGroup(int threads) {
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, io);
  }
}
