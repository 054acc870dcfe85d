package dev.junction.bench.turn;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * The echo peer behind the relay: every datagram goes back to its sender unchanged, as
 * turnutils_peer does, but a read takes up to {@link RelayDatagrams#PER_READ} datagrams
 * ({@code recvmmsg}) and the echoes of one read leave together ({@code sendmmsg}), so the peer
 * costs far less per message than the relay it measures.
 */
final class EchoPeer extends ChannelInboundHandlerAdapter {

  static Channel bind(EventLoopGroup loop, InetSocketAddress local) throws InterruptedException {
    return RelayDatagrams.bootstrap(loop, new EchoPeer()).bind(local).sync().channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    ctx.write(new DatagramPacket(packet.content(), packet.sender()), ctx.voidPromise());
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }
}
