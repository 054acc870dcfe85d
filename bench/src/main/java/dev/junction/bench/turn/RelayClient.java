package dev.junction.bench.turn;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One TURN client of the relay load: a UDP socket connected to the server. First it carries the
 * setup requests ({@link ChannelSetup}, from the calling thread, retransmitted like RFC 8489
 * §6.2.1 at 250 ms doubling, 6 attempts); then, on its event loop, an {@link EchoWindow} of
 * ChannelData messages whose echoes each send the next message at once. The messages one read
 * batch or top-up sends are written back to back and leave as segmented packets
 * ({@link DatagramRuns}). After {@link #stop()}, the socket carries requests again (the release of
 * the allocation): STUN and ChannelData are told apart by their first two bits (RFC 8656 §12).
 */
final class RelayClient extends ChannelInboundHandlerAdapter implements ChannelSetup.Exchange {

  private static final int ATTEMPTS = 6;
  private static final long FIRST_WAIT_MILLIS = 250;

  private final BlockingQueue<byte[]> setupAnswers = new LinkedBlockingQueue<>();
  private Channel channel;
  private InetSocketAddress server;
  /** Null during setup; set once on the event loop when the load starts, after {@link #runs}. */
  private volatile EchoWindow window;
  /** Event loop only, like {@link #stopped}. */
  private DatagramRuns runs;
  private boolean stopped;

  static RelayClient open(EventLoopGroup loop, InetSocketAddress local, InetSocketAddress server)
      throws InterruptedException {
    RelayClient client = new RelayClient();
    client.channel = RelayDatagrams.bootstrap(loop, client).bind(local).sync().channel();
    client.channel.connect(server).sync();
    client.server = server;
    return client;
  }

  @Override
  public DecodedMessage exchange(byte[] request, TransactionId transaction) throws IOException {
    long wait = FIRST_WAIT_MILLIS;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++, wait *= 2) {
      channel.writeAndFlush(Unpooled.wrappedBuffer(request));
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
      for (long left = wait; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
        byte[] answer;
        try {
          answer = setupAnswers.poll(left, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted during setup", e);
        }
        if (answer == null) {
          break;
        }
        if (answer.length >= 20 && Arrays.equals(answer, 8, 20, transaction.toByteArray(), 0, 12)) {
          try {
            return StunDecoder.decode(answer);
          } catch (StunParseException e) {
            throw new IOException("malformed answer from the server: " + e.getMessage(), e);
          }
        }
      }
    }
    throw new IOException("no answer from " + channel.remoteAddress() + " after " + ATTEMPTS + " attempts");
  }

  /**
   * Switches to the load: from now on every echo sends the next message; {@code segment}: send
   * runs of messages as segmented packets. Call on the event loop.
   */
  void start(EchoWindow echoWindow, boolean segment) {
    this.runs = new DatagramRuns(RelayDatagrams.ALLOCATOR, segment, RelayDatagrams.writer(channel));
    this.window = echoWindow;
    topUp(System.nanoTime());
  }

  /** Ends the load: echoes no longer send, top-ups do nothing. Call on the event loop. */
  void stop() {
    stopped = true;
  }

  /** Sends from every slot that is free or timed out, then flushes: one {@code sendmmsg}. Event loop only. */
  void topUp(long now) {
    if (stopped) {
      return;
    }
    EchoWindow w = window;
    for (int slot = 0; slot < w.slots(); slot++) {
      if (w.due(slot, now)) {
        send(w, slot, now);
      }
    }
    runs.flush();
    channel.flush();
  }

  EchoWindow window() {
    return window;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      ByteBuf content = msg instanceof DatagramPacket packet ? packet.content() : (ByteBuf) msg;
      EchoWindow w = window;
      if (w == null || isStun(content)) {
        setupAnswers.offer(ByteBufUtil.getBytes(content));
        return;
      }
      int slot = w.onEcho(content);
      if (slot >= 0 && !stopped) {
        send(w, slot, System.nanoTime());
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (window != null) {
      runs.flush();
    }
    ctx.flush();
  }

  /** STUN messages start with the bits 00, ChannelData with 01 (its channel numbers are 0x4000-0x4FFF). */
  private static boolean isStun(ByteBuf content) {
    return content.isReadable() && (content.getUnsignedByte(content.readerIndex()) & 0xC0) == 0;
  }

  private void send(EchoWindow w, int slot, long now) {
    w.writeMessage(slot, runs.next(server, w.messageLength()), now);
  }
}
