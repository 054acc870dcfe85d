package dev.junction.media.port;

import dev.junction.media.ice.Datagram;
import dev.junction.media.ice.IceDemux;
import dev.junction.media.ice.IceSession;
import dev.junction.media.ice.Inbound;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the media port: answers ICE checks at once on the same socket, hands DTLS, RTP and RTCP
 * to the receiver of the session that owns the source address, and counts what it drops. Replies
 * of one read batch are flushed together when the batch ends. Shared by the port's sockets; holds
 * no state of its own.
 */
@ChannelHandler.Sharable
final class InboundHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

  private final IceDemux demux;
  private final Map<IceSession, PacketReceiver> receivers;
  private final PortCounters counters;

  InboundHandler(IceDemux demux, Map<IceSession, PacketReceiver> receivers, PortCounters counters) {
    this.demux = demux;
    this.receivers = receivers;
    this.counters = counters;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
    counters.received();
    Inbound inbound = demux.receive(packet.content().nioBuffer(), packet.sender());
    if (inbound instanceof Inbound.Reply reply) {
      Datagram answer = reply.datagram();
      byte[] bytes = answer.payload().toByteArray();
      context.write(new DatagramPacket(Unpooled.wrappedBuffer(bytes), answer.recipient()), context.voidPromise());
      counters.sent(bytes.length);
    } else if (inbound instanceof Inbound.Deliver deliver) {
      PacketReceiver receiver = receivers.get(deliver.session());
      if (receiver != null) {
        receiver.receive(deliver.kind(), ByteBufUtil.getBytes(packet.content()), packet.sender());
      }
    } else {
      counters.drop(((Inbound.Drop) inbound).reason());
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext context) {
    context.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // a receiver threw: a bug in one session must not stop the port serving the others
    log.warn("media port: {}", cause.toString(), cause);
  }
}
