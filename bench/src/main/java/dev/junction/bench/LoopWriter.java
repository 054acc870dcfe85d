package dev.junction.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.Context;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes text messages on the client sockets of one event loop and flushes each socket once per
 * loop turn, as a browser's network stack coalesces what a page sends in one task.
 *
 * <p>Why: Vert.x flushes every message written outside that socket's own read handler, and the
 * generator mostly writes on one client while handling a message that arrived at its partner,
 * which cost a {@code send} system call per message: the generator then spent as much CPU as the
 * server it measured, on the same two cores. Confined to its loop.
 */
public final class LoopWriter {

  private final Context context;
  private final List<ChannelHandlerContext> unflushed = new ArrayList<>();
  private boolean flushScheduled;

  public LoopWriter(Context context) {
    this.context = context;
  }

  /** False while the socket holds more unsent bytes than Netty's high-water mark. */
  public static boolean writable(WebSocket ws) {
    return ((WebSocketInternal) ws).channelHandlerContext().channel().isWritable();
  }

  /** Queues {@code text} as one masked text frame; flushed after this turn. */
  public void write(WebSocket ws, String text) {
    // A whole frame as bytes: the WebSocket encoder in the pipeline passes a ByteBuf through
    // untouched (it encodes only frame objects), so the frame is masked once, by MaskedFrames.
    write(((WebSocketInternal) ws).channelHandlerContext(), text);
  }

  /** Queues {@code text} as one masked text frame on {@code socket}; flushed after this turn. */
  public void write(LeanWebSocket socket, String text) {
    write(socket.channel(), text);
  }

  private void write(ChannelHandlerContext channel, String text) {
    byte[] frame = MaskedFrames.text(text.getBytes(StandardCharsets.UTF_8), ThreadLocalRandom.current().nextInt());
    channel.write(Unpooled.wrappedBuffer(frame), channel.voidPromise());
    unflushed.add(channel);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flushAll());
    }
  }

  private void flushAll() {
    flushScheduled = false;
    // A socket written twice is listed twice; its second flush finds nothing to write.
    for (ChannelHandlerContext channel : unflushed) {
      channel.flush();
    }
    unflushed.clear();
  }
}
