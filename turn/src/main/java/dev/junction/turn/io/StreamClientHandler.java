package dev.junction.turn.io;

import dev.junction.turn.ClientLink;
import dev.junction.turn.FiveTuple;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One TCP or TLS client connection, after {@link StreamFrameDecoder} has split the stream into
 * messages. The connection is the 5-tuple: when it closes, its allocation goes with it (RFC 8656 §3.1).
 */
final class StreamClientHandler extends SimpleChannelInboundHandler<ByteBuf> implements ClientLink {

  private final PacketHandler protocol;
  private final FiveTuple.Transport transport;
  private final Supplier<FlushBatch> batch;
  private final Consumer<FiveTuple> onClosed;
  private ChannelHandlerContext context;
  private FiveTuple fiveTuple;

  StreamClientHandler(PacketHandler protocol, FiveTuple.Transport transport, Supplier<FlushBatch> batch,
      Consumer<FiveTuple> onClosed) {
    super(false);
    this.protocol = protocol;
    this.transport = transport;
    this.batch = batch;
    this.onClosed = onClosed;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    context = ctx;
    fiveTuple = new FiveTuple((InetSocketAddress) ctx.channel().remoteAddress(),
        (InetSocketAddress) ctx.channel().localAddress(), transport);
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    protocol.onClientPacket(this, frame);
  }


  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    onClosed.accept(fiveTuple);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A corrupt stream or a TLS failure: nothing more on this connection can be trusted.
    ctx.close();
  }

  @Override
  public FiveTuple fiveTuple() {
    return fiveTuple;
  }

  @Override
  public void send(ByteBuf data) {
    context.write(data, context.voidPromise());
    batch.get().add(context.channel());
  }

  @Override
  public void flush() {
    batch.get().flushAll();
  }

  @Override
  public EventLoop eventLoop() {
    return context.channel().eventLoop();
  }
}
