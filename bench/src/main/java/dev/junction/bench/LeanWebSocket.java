package dev.junction.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that does only what the load generator needs, on a bare Netty channel of an
 * event loop's own: the upgrade written from pre-built bytes, server frames parsed in place, pings
 * answered, masked frames from {@link MaskedFrames}.
 *
 * <p>Why: a joins ramp opens thousands of connections a second on the machine that runs the
 * server, and Vert.x's client WebSocket (an HTTP client connection, header maps, two message
 * queues per connection) made the generator spend as much CPU as the server it measured, so the
 * two shared what was left of two cores and a server that could use both never got to.
 *
 * <p>Confined to the event loop it was opened on; every listener call is made there.
 */
public final class LeanWebSocket extends ByteToMessageDecoder {

  /** What happens to a socket. */
  public interface Listener {
    /** The server accepted the upgrade. */
    void opened();

    /** A whole text or binary message. */
    void message(Inbound message);

    /** A message split over frames, which no server under test sends for the small messages here. */
    void fragmented();

    /** The connection is gone; {@code failure} says why when it did not close cleanly, else null. */
    void closed(String failure);
  }

  private static final int MAX_MESSAGE = 64 * 1024 * 1024;
  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final byte[] NORMAL_CLOSURE = {0x03, (byte) 0xe8};

  private final Listener listener;
  private ChannelHandlerContext channel;
  private boolean open;
  private boolean closeSent;
  private boolean closedReported;
  private String failure;

  private LeanWebSocket(Listener listener) {
    this.listener = listener;
  }

  /** Connects to {@code target} on {@code context}'s event loop; the listener hears the outcome. */
  public static LeanWebSocket connect(Context context, WebSocketTarget target, Listener listener) {
    ContextInternal loop = (ContextInternal) context;
    LeanWebSocket socket = new LeanWebSocket(listener);
    LoopChannels.connect(loop, target.address, socket).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        f.channel().writeAndFlush(Unpooled.wrappedBuffer(target.upgradeRequest), f.channel().voidPromise());
      } else {
        socket.failure = "connect: " + f.cause();
        socket.reportClosed(); // never active, so no inactive event will report it
      }
    });
    return socket;
  }

  ChannelHandlerContext channel() {
    return channel;
  }

  /** False while the socket holds more unsent bytes than Netty's high-water mark. */
  public boolean writable() {
    return channel != null && channel.channel().isWritable();
  }

  /** Writes {@code text} as one text frame and flushes it now; the future completes once it is written. */
  public ChannelFuture send(String text) {
    return channel.writeAndFlush(frame(MaskedFrames.TEXT, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Starts the closing handshake (1000); the connection ends when the server answers and closes. */
  public void close() {
    if (channel == null || !channel.channel().isActive()) return;
    if (!open) {
      channel.close();
      return;
    }
    sendClose(NORMAL_CLOSURE);
  }

  private void sendClose(byte[] payload) {
    if (closeSent) return;
    closeSent = true;
    channel.writeAndFlush(frame(MaskedFrames.CLOSE, payload));
  }

  private static ByteBuf frame(int opcode, byte[] payload) {
    return Unpooled.wrappedBuffer(MaskedFrames.frame(opcode, payload, ThreadLocalRandom.current().nextInt()));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    super.channelInactive(ctx);
    reportClosed();
  }

  private void reportClosed() {
    if (closedReported) return;
    closedReported = true;
    listener.closed(failure);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail("socket: " + cause);
  }

  private void fail(String why) {
    if (failure == null) failure = why;
    channel.close();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!open) {
      readUpgradeAnswer(in);
    }
    while (open && in.isReadable() && ctx.channel().isActive()) {
      if (!readFrame(in)) return;
    }
  }

  private void readUpgradeAnswer(ByteBuf in) {
    String head = LoopChannels.readHttpHead(in);
    if (head == null) {
      if (in.readableBytes() > 16 * 1024) fail("upgrade answer: no end of headers in 16 KiB");
      return;
    }
    String statusLine = head.substring(0, head.indexOf('\r'));
    if (!statusLine.startsWith("HTTP/1.1 101")) {
      fail("upgrade refused: " + statusLine);
    } else if (!head.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + WebSocketTarget.ACCEPT.toLowerCase(Locale.ROOT))) {
      fail("upgrade answer without the right Sec-WebSocket-Accept");
    } else {
      open = true;
      listener.opened();
    }
  }

  /** Reads one frame if it has all arrived; returns false when more bytes are needed. */
  private boolean readFrame(ByteBuf in) {
    int start = in.readerIndex();
    if (in.readableBytes() < 2) return false;
    int b0 = in.getUnsignedByte(start);
    int b1 = in.getUnsignedByte(start + 1);
    if ((b1 & 0x80) != 0) {
      fail("the server masked a frame (RFC 6455 §5.1)");
      return false;
    }
    int length7 = b1 & 0x7f;
    int header = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0);
    if (in.readableBytes() < header) return false;
    long length = length7 == 126 ? in.getUnsignedShort(start + 2) : length7 == 127 ? in.getLong(start + 2) : length7;
    if (length < 0 || length > MAX_MESSAGE) {
      fail("a frame of " + length + " bytes");
      return false;
    }
    if (in.readableBytes() < header + length) return false;
    in.skipBytes(header);
    byte[] payload = new byte[(int) length];
    in.readBytes(payload);
    onFrame(b0 & 0x0f, (b0 & 0x80) != 0, payload);
    return true;
  }

  private void onFrame(int opcode, boolean fin, byte[] payload) {
    switch (opcode) {
      case TEXT, BINARY -> {
        if (fin) {
          listener.message(new Inbound(Buffer.buffer(payload)));
        } else {
          listener.fragmented();
        }
      }
      case CONTINUATION -> {} // the rest of a message already reported as fragmented
      case PING -> channel.writeAndFlush(frame(MaskedFrames.PONG, payload), channel.voidPromise());
      case CLOSE -> {
        sendClose(payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
        channel.close();
      }
      default -> {} // a pong, or an opcode the generator has no use for
    }
  }
}
