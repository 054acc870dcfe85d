package dev.junction.turn.io;

import dev.junction.turn.ClientLink;
import dev.junction.turn.FiveTuple;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Reads client datagrams on one UDP listener socket (one per event loop with SO_REUSEPORT: the
 * kernel hashes each client's 5-tuple to one socket, so a client always lands on the same loop).
 * Stateless, so one instance serves every socket.
 */
@ChannelHandler.Sharable
final class UdpClientHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private final PacketHandler protocol;
  private final Supplier<FlushBatch> batch;

  UdpClientHandler(PacketHandler protocol, Supplier<FlushBatch> batch) {
    super(false);
    this.protocol = protocol;
    this.batch = batch;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
    InetSocketAddress local = (InetSocketAddress) context.channel().localAddress();
    FiveTuple fiveTuple = new FiveTuple(packet.sender(), local, FiveTuple.Transport.UDP);
    protocol.onClientPacket(new UdpLink(context, fiveTuple, batch.get()), packet.content());
  }


  /** A client behind one source address of this listener. */
  private record UdpLink(ChannelHandlerContext context, FiveTuple fiveTuple, FlushBatch batch) implements ClientLink {

    @Override
    public void send(ByteBuf data) {
      batch.sendDatagram(context, fiveTuple.client(), data);
    }

    @Override
    public void flush() {
      batch.flushAll();
    }

    @Override
    public EventLoop eventLoop() {
      return context.channel().eventLoop();
    }
  }
}
