package dev.junction.bench.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * The echo peer behind the relay: every datagram goes back to its sender unchanged, as
 * turnutils_peer does, but a read takes up to {@link RelayDatagrams#PER_READ} datagrams
 * ({@code recvmmsg}), and the echoes of one read batch leave together ({@code sendmmsg}), those to
 * one sender (one relayed address) as segmented packets ({@link DatagramRuns}), so the peer costs
 * far less per message than the relay it measures. Confined to its channel's event loop.
 */
final class EchoPeer extends ChannelInboundHandlerAdapter {

  private final boolean segment;
  private DatagramRuns runs;

  private EchoPeer(boolean segment) {
    this.segment = segment;
  }

  /** {@code segment}: echo runs of datagrams to one sender as segmented packets. */
  static Channel bind(EventLoopGroup loop, InetSocketAddress local, boolean segment) throws InterruptedException {
    return RelayDatagrams.bootstrap(loop, new EchoPeer(segment)).bind(local).sync().channel();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    runs = new DatagramRuns(RelayDatagrams.ALLOCATOR, segment, RelayDatagrams.writer(ctx.channel()));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    try {
      ByteBuf content = packet.content();
      runs.next(packet.sender(), content.readableBytes()).writeBytes(content);
    } finally {
      packet.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    runs.flush();
    ctx.flush();
  }
}
