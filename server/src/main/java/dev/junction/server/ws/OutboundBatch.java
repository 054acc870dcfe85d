package dev.junction.server.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The text messages waiting to go out on one WebSocket, written in batches: one task on the
 * socket's event loop writes every message queued so far and flushes once.
 *
 * <p>Why: a relayed message is sent from the sender's read handler, so Vert.x's own write path
 * ({@code writeTextMessage}) flushes each one on its own, one system call per message. Messages
 * for one recipient that arrive in the same event-loop turn (several senders read in one epoll
 * wake-up, or a window of messages from one) now share one {@code writev}. The order is the order
 * of {@link #add}, whichever thread called it.
 *
 * <p>{@link #add} is safe from any thread; the rest runs on the socket's loop.
 */
final class OutboundBatch {

  private final ChannelHandlerContext channel;
  private final BooleanSupplier admit;
  private final Queue<String> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;

  /**
   * @param channel the WebSocket's place in the Netty pipeline (Vert.x's own writes start there too, so
   *     frames written here pass the same WebSocket encoder, in the same order)
   * @param admit asked on the loop before each batch; false drops the batch (the socket is closing,
   *     or the reader is too slow and is being closed)
   */
  OutboundBatch(ChannelHandlerContext channel, BooleanSupplier admit) {
    this.channel = channel;
    this.admit = admit;
  }

  /** Queues {@code text}; a write is scheduled on the loop unless one is already pending. */
  void add(String text) {
    waiting.add(text);
    if (scheduled.compareAndSet(false, true)) {
      channel.executor().execute(drain);
    }
  }

  private void drain() {
    // Cleared first: a message added while this runs schedules the next drain instead of being stranded.
    scheduled.set(false);
    if (waiting.isEmpty()) {
      return;
    }
    if (!admit.getAsBoolean()) {
      waiting.clear();
      return;
    }
    String text;
    while ((text = waiting.poll()) != null) {
      // String.getBytes is the JDK's vectorized encoder (a copy, for ASCII); Netty's writeUtf8
      // encodes char by char and took 7.8 % of the relay's samples.
      ByteBuf payload = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
      channel.write(new TextWebSocketFrame(payload), channel.voidPromise());
    }
    channel.flush();
  }
}
