package dev.junction.turn.io;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Native epoll where Linux offers it (SO_REUSEPORT to spread one UDP port over every loop,
 * recvmmsg and sendmmsg batches), Java NIO elsewhere.
 */
record Transports(boolean epoll, Class<? extends DatagramChannel> datagram, Class<? extends ServerChannel> server) {

  static Transports best() {
    return Epoll.isAvailable()
        ? new Transports(true, EpollDatagramChannel.class, EpollServerSocketChannel.class)
        : new Transports(false, NioDatagramChannel.class, NioServerSocketChannel.class);
  }

  EventLoopGroup newGroup(int threads) {
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, io);
  }
}
