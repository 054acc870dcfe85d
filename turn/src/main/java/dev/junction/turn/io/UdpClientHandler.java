package dev.junction.turn.io;

import dev.junction.turn.ClientLink;
import dev.junction.turn.FiveTuple;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Reads client datagrams on one UDP listener socket (one per event loop with SO_REUSEPORT: the
 * kernel hashes each client's 5-tuple to one socket, so a client always lands on the same loop),
 * and sends what goes back to them through it: one instance per socket.
 */
final class UdpClientHandler extends SimpleChannelInboundHandler<DatagramPacket> implements SegmentRun.Sink {

  private final PacketHandler protocol;
  private final Supplier<FlushBatch> batch;
  private ChannelHandlerContext context;

  UdpClientHandler(PacketHandler protocol, Supplier<FlushBatch> batch) {
    super(false);
    this.protocol = protocol;
    this.batch = batch;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
    FiveTuple fiveTuple = new FiveTuple(packet.sender(), local, FiveTuple.Transport.UDP);
    protocol.onClientPacket(new UdpLink(this, fiveTuple, batch.get()), packet.content());
  }

  Channel channel() {
    return context.channel();
  }

  @Override
  public void sendDatagram(InetSocketAddress to, ByteBuf datagram) {
    context.write(new DatagramPacket(datagram, to), context.voidPromise());
  }

  /** Keeps {@code segments} until the write is done, to send them one by one if the kernel refuses the packet. */
  @Override
  public void sendSegments(InetSocketAddress to, ByteBuf segments, int segmentSize) {
    context.write(new SegmentedDatagramPacket(segments.retain(), segmentSize, to)).addListener(write -> {
      if (write.isSuccess() || !SegmentRun.refused(write.cause())) {
        segments.release();
        return;
      }
      SegmentRun.sendOneByOne(this, to, segments, segmentSize);
      batch.get().add(context.channel()); // flushed at the end of this turn
    });
  }

  /** A client behind one source address of this listener. */
  private record UdpLink(UdpClientHandler listener, FiveTuple fiveTuple, FlushBatch batch) implements ClientLink {

    @Override
    public void send(ByteBuf data) {
      batch.sendDatagram(listener, fiveTuple.client(), data);
    }

    @Override
    public void flush() {
      batch.flushAll();
    }

    @Override
    public EventLoop eventLoop() {
      return listener.channel().eventLoop();
    }
  }
}
