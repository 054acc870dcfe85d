package dev.junction.server.ws;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.InboundGuard;
import dev.junction.signaling.SignalingEvents;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted signaling WebSocket: the transport side of a {@link Connection}. It enforces what
 * the transport can see (frame type, message size, rate limits, liveness, a reader too slow for
 * its queue) and hands each text message to the dialect's {@link ClientSession}.
 *
 * <p>Owned by the socket's Vert.x context (one event loop). {@link #send} and {@link #close} may
 * be called from any thread: they always go through the loop's task queue ({@link OutboundBatch}
 * for messages), so messages reach the client in exactly the order the core issued them,
 * whichever loop issued them.
 */
final class SignalingSocket implements Connection {

  private static final Logger log = LoggerFactory.getLogger(SignalingSocket.class);

  private final ServerWebSocket socket;
  private final Context context;
  private final String remoteAddress;
  private final String dialect;
  private final InboundGuard guard;
  private final MessageAssembler assembler;
  private final SignalingEvents events;
  private final ChannelHandlerContext channel;
  private final OutboundBatch outbound;
  private ClientSession session = ClientSession.CLOSED;
  /** Set on the socket's loop; read by {@link #isOpen} from any loop. */
  private volatile boolean closing;
  private volatile long lastHeardNanos;
  private volatile long lastPingNanos;

  SignalingSocket(ServerWebSocket socket, Context context, String remoteAddress, String dialect,
      InboundGuard guard, int maxMessageBytes, SignalingEvents events) {
    this.socket = socket;
    this.context = context;
    this.remoteAddress = remoteAddress;
    this.dialect = dialect;
    this.guard = guard;
    this.assembler = new MessageAssembler(maxMessageBytes);
    this.events = events;
    this.channel = ((WebSocketInternal) socket).channelHandlerContext();
    this.outbound = new OutboundBatch(channel, this::admitBatch);
    this.lastHeardNanos = System.nanoTime();
    this.lastPingNanos = lastHeardNanos;
  }

  /** Wires the socket's handlers to {@code clientSession}; {@code onGone} runs once when it closes. */
  void attach(ClientSession clientSession, Runnable onGone) {
    this.session = clientSession;
    socket.frameHandler(this::onFrame);
    socket.pongHandler(pong -> heard());
    socket.exceptionHandler(this::onException);
    socket.closeHandler(ignored -> {
      closing = true;
      session.onClose();
      onGone.run();
    });
  }

  /** Data frames only: Vert.x answers pings and close frames itself. */
  private void onFrame(WebSocketFrame frame) {
    if (closing) {
      return;
    }
    if (frame.isBinary()) {
      refuse(ErrorKind.BINARY_FRAME, CloseReason.BINARY_NOT_ACCEPTED);
    } else if (frame.isText() || frame.isContinuation()) {
      heard();
      Buffer message;
      try {
        message = assembler.add(frame.binaryData(), frame.isFinal());
      } catch (MessageAssembler.TooBigException e) {
        refuse(ErrorKind.FRAME_TOO_BIG, new CloseReason(CloseReason.MESSAGE_TOO_BIG, "message too big"));
        return;
      }
      if (message != null) {
        onMessage(message);
      }
    }
  }

  private void onMessage(Buffer message) {
    if (!guard.admit(message.length())) {
      refuse(ErrorKind.RATE_LIMITED, CloseReason.policyViolation("rate limit exceeded"));
      return;
    }
    session.onText(message.toString(StandardCharsets.UTF_8));
  }

  /**
   * A frame the WebSocket decoder refused (oversized, or breaking RFC 6455) arrives here; the
   * decoder has stopped reading, so the socket is closed with the status it names (1009 for size).
   */
  private void onException(Throwable failure) {
    if (closing) {
      return;
    }
    if (failure instanceof CorruptedWebSocketFrameException corrupted) {
      int code = corrupted.closeStatus().code();
      events.error(dialect, code == CloseReason.MESSAGE_TOO_BIG ? ErrorKind.FRAME_TOO_BIG : ErrorKind.BAD_MESSAGE);
      closeNow(new CloseReason(code, code == CloseReason.MESSAGE_TOO_BIG ? "message too big" : "protocol error"));
    } else {
      log.debug("{} socket from {} failed: {}", dialect, remoteAddress, failure.toString());
    }
  }

  private void refuse(ErrorKind kind, CloseReason reason) {
    events.error(dialect, kind);
    closeNow(reason);
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void send(String text) {
    outbound.add(text);
  }

  /**
   * On the loop, before a batch of sends. A reader that left the last batches unread (the kernel's
   * buffers are full and Netty holds more than its high-water mark) loses its connection at once:
   * a close frame would wait behind everything it does not read, for ever.
   */
  private boolean admitBatch() {
    if (closing || socket.isClosed()) {
      return false;
    }
    if (!channel.channel().isWritable()) {
      events.error(dialect, ErrorKind.SLOW_CONSUMER);
      log.debug("{} socket from {} reads too slowly: closed", dialect, remoteAddress);
      closing = true;
      channel.close();
      return false;
    }
    return true;
  }

  @Override
  public boolean isOpen() {
    return !closing && !socket.isClosed();
  }

  @Override
  public void close(CloseReason reason) {
    context.runOnContext(ignored -> closeNow(reason));
  }

  private void closeNow(CloseReason reason) {
    if (closing) {
      return;
    }
    closing = true;
    socket.close((short) reason.code(), reason.text());
  }

  /** Liveness check from the heartbeat sweep (any thread): ping when quiet, close when silent too long. */
  void checkLiveness(long nowNanos, long pingIntervalNanos, long idleTimeoutNanos) {
    long quiet = nowNanos - lastHeardNanos;
    if (quiet >= idleTimeoutNanos) {
      context.runOnContext(ignored -> {
        if (!closing) {
          refuse(ErrorKind.IDLE_TIMEOUT, CloseReason.goingAway("idle timeout"));
        }
      });
    } else if (quiet >= pingIntervalNanos && nowNanos - lastPingNanos >= pingIntervalNanos) {
      lastPingNanos = nowNanos;
      context.runOnContext(ignored -> {
        if (!closing && !socket.isClosed()) {
          socket.writePing(Buffer.buffer());
        }
      });
    }
  }

  private void heard() {
    lastHeardNanos = System.nanoTime();
  }
}
