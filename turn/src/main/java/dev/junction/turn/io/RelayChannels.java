package dev.junction.turn.io;

import dev.junction.turn.RelaySocket;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Binds relay sockets where epoll is not available: one UDP channel per allocation, on the event
 * loop of the allocation's client, so both directions of a relayed flow run on one thread without
 * locks. With epoll, {@link EpollRelaySocket} does this job without a channel's per-datagram cost.
 */
final class RelayChannels {

  private final Class<? extends DatagramChannel> channelType;
  private final Supplier<FlushBatch> batchOfCurrentLoop;

  RelayChannels(Class<? extends DatagramChannel> channelType, Supplier<FlushBatch> batchOfCurrentLoop) {
    this.channelType = channelType;
    this.batchOfCurrentLoop = batchOfCurrentLoop;
  }

  /**
   * Binds {@code local} on {@code loop}; {@code onPeerData(peer, data)} receives each datagram
   * (the receiver releases it). The future completes when bound, or fails (port taken).
   */
  ChannelFuture bind(InetSocketAddress local, EventLoop loop, BiConsumer<InetSocketAddress, ByteBuf> onPeerData) {
    Bootstrap bootstrap = new Bootstrap()
        .group(loop)
        .channel(channelType)
        .option(ChannelOption.SO_RCVBUF, 1 << 20)
        .option(ChannelOption.SO_SNDBUF, 1 << 20);
    return bootstrap
        .handler(new SimpleChannelInboundHandler<DatagramPacket>(false) {
          @Override
          protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            onPeerData.accept(packet.sender(), packet.content());
          }
        })
        .bind(local);
  }

  /** The relay socket over a bound channel. */
  RelaySocket socket(Channel channel) {
    return new RelaySocket() {
      @Override
      public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
      }

      @Override
      public void send(InetSocketAddress peer, ByteBuf data) {
        channel.write(new DatagramPacket(data, peer), channel.voidPromise());
        batchOfCurrentLoop.get().add(channel);
      }

      @Override
      public void close() {
        channel.close();
      }

      @Override
      public EventLoop eventLoop() {
        return channel.eventLoop();
      }
    };
  }
}
