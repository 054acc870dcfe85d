package dev.junction.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.Context;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

  /** Queues {@code text} as one masked text frame (the client pipeline's encoder masks it); flushed after this turn. */
  public void write(WebSocket ws, String text) {
    ChannelHandlerContext channel = ((WebSocketInternal) ws).channelHandlerContext();
    // String.getBytes is the JDK's vectorized encoder; Netty's writeUtf8 goes char by char.
    channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))),
        channel.voidPromise());
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
