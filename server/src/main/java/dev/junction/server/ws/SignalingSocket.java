package dev.junction.server.ws;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.InboundGuard;
import dev.junction.signaling.SignalingEvents;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One accepted signaling WebSocket: the transport side of a {@link Connection}. It enforces what
 * the transport can see (frame type, rate limits, liveness, a reader too slow for its queue) and
 * hands each text message to the dialect's {@link ClientSession}.
 *
 * <p>Owned by the socket's Vert.x context (one event loop). {@link #send} and {@link #close} may
 * be called from any thread: they always go through the context's task queue, so messages reach
 * the client in exactly the order the core issued them, whichever loop issued them.
 */
final class SignalingSocket implements Connection {

  private final ServerWebSocket socket;
  private final Context context;
  private final String remoteAddress;
  private final String dialect;
  private final InboundGuard guard;
  private final SignalingEvents events;
  private ClientSession session = ClientSession.CLOSED;
  private boolean closing;
  private volatile long lastHeardNanos;
  private volatile long lastPingNanos;

  SignalingSocket(ServerWebSocket socket, Context context, String remoteAddress, String dialect,
      InboundGuard guard, SignalingEvents events) {
    this.socket = socket;
    this.context = context;
    this.remoteAddress = remoteAddress;
    this.dialect = dialect;
    this.guard = guard;
    this.events = events;
    this.lastHeardNanos = System.nanoTime();
    this.lastPingNanos = lastHeardNanos;
  }

  /** Wires the socket's handlers to {@code clientSession}; {@code onGone} runs once when it closes. */
  void attach(ClientSession clientSession, Runnable onGone) {
    this.session = clientSession;
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(this::onBinary);
    socket.pongHandler(pong -> heard());
    socket.exceptionHandler(this::onException);
    socket.closeHandler(ignored -> {
      closing = true;
      session.onClose();
      onGone.run();
    });
  }

  private void onText(String text) {
    if (closing) {
      return;
    }
    heard();
    if (!guard.admit(Utf8.length(text))) {
      refuse(ErrorKind.RATE_LIMITED, CloseReason.policyViolation("rate limit exceeded"));
      return;
    }
    session.onText(text);
  }

  private void onBinary(Buffer data) {
    if (!closing) {
      refuse(ErrorKind.BINARY_FRAME, CloseReason.BINARY_NOT_ACCEPTED);
    }
  }

  /** Netty reports an oversized frame as an exception and closes with 1009 itself. */
  private void onException(Throwable failure) {
    if (!closing && isTooBig(failure)) {
      closing = true;
      events.error(dialect, ErrorKind.FRAME_TOO_BIG);
    }
  }

  private static boolean isTooBig(Throwable failure) {
    String text = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return failure instanceof io.netty.handler.codec.TooLongFrameException
        || failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
            && text.contains("max frame length")
        || text.contains("exceeds limit") || text.contains("too big");
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
    context.runOnContext(ignored -> {
      if (closing || socket.isClosed()) {
        return;
      }
      if (socket.writeQueueFull()) {
        refuse(ErrorKind.SLOW_CONSUMER, CloseReason.policyViolation("reading too slowly"));
        return;
      }
      socket.writeTextMessage(text);
    });
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
