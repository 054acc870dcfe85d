package dev.junction.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections from one event loop to one loopback server, for requests
 * without a body: at most {@code maxConnections} open, one request in flight on each, the rest
 * waiting in order. Answers must carry a {@code Content-Length} (both servers under test send one).
 *
 * <p>Why not Vert.x's HTTP client: in the rooms load it cost as much CPU per request as the
 * server it measured, on the same two cores (see {@link LeanWebSocket} for the same story).
 * Confined to its event loop.
 */
public final class LeanHttpPool {

  /** An answer: its status and its body as text. */
  public record Response(int status, String body) {}

  private static final int TIMEOUT_SECONDS = 30;

  private final ContextInternal context;
  private final InetSocketAddress address;
  private final String hostHeader;
  private final int maxConnections;
  private final Queue<Connection> idle = new ArrayDeque<>();
  private final Queue<Pending> waiting = new ArrayDeque<>();
  private int open;

  public LeanHttpPool(Context context, InetSocketAddress address, int maxConnections) {
    this.context = (ContextInternal) context;
    this.address = address;
    this.hostHeader = address.getHostString() + ":" + address.getPort();
    this.maxConnections = maxConnections;
  }

  /** Sends {@code method path} with an empty body; call on this pool's event loop. */
  public Future<Response> request(String method, String path) {
    String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Length: 0\r\n\r\n";
    Pending pending = new Pending(head.getBytes(StandardCharsets.US_ASCII), method + " " + path, context.promise());
    Connection free = idle.poll();
    if (free != null) {
      free.send(pending);
    } else {
      waiting.add(pending);
      if (open < maxConnections) connect();
    }
    return pending.answer.future();
  }

  /** Closes every idle connection; requests in flight finish first, then their connections stay open until the loop ends. */
  public void close() {
    for (Connection c : idle) c.channel.close();
    idle.clear();
  }

  private void connect() {
    open++;
    Connection connection = new Connection();
    LoopChannels.connect(context, address, connection)
        .addListener((ChannelFutureListener) f -> {
          if (f.isSuccess()) {
            connection.ready();
          } else {
            open--;
            Pending first = waiting.poll();
            if (first != null) first.answer.tryFail("connect: " + f.cause());
            if (!waiting.isEmpty() && open < maxConnections) connect(); // each failure fails one request: bounded
          }
        });
  }

  private void released(Connection connection) {
    Pending next = waiting.poll();
    if (next != null) {
      connection.send(next);
    } else {
      idle.add(connection);
    }
  }

  private record Pending(byte[] request, String what, Promise<Response> answer) {}

  /** One keep-alive connection: sends a request, parses its answer, then takes the next. */
  private final class Connection extends ByteToMessageDecoder {

    private ChannelHandlerContext channel;
    private Pending inFlight;
    private ScheduledFuture<?> timeout;
    private int status;
    private int bodyLength = -1;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      channel = ctx;
    }

    void ready() {
      released(this);
    }

    void send(Pending pending) {
      inFlight = pending;
      timeout = channel.executor().schedule(() -> fail(pending.what + ": no answer in " + TIMEOUT_SECONDS + " s"),
          TIMEOUT_SECONDS, TimeUnit.SECONDS);
      channel.writeAndFlush(Unpooled.wrappedBuffer(pending.request), channel.voidPromise());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      if (inFlight == null) {
        fail("an answer to no request");
        return;
      }
      if (bodyLength < 0 && !readHead(in)) return;
      if (in.readableBytes() < bodyLength) return;
      String body = in.readCharSequence(bodyLength, StandardCharsets.UTF_8).toString();
      Pending done = inFlight;
      inFlight = null;
      bodyLength = -1;
      timeout.cancel(false);
      done.answer.complete(new Response(status, body));
      released(this);
    }

    /** Reads the status line and headers if they have all arrived; false when more bytes are needed. */
    private boolean readHead(ByteBuf in) {
      String head = LoopChannels.readHttpHead(in);
      if (head == null) return false;
      String lower = head.toLowerCase(Locale.ROOT);
      int at = lower.indexOf("\r\ncontent-length:");
      if (!head.startsWith("HTTP/1.1 ") || at < 0) {
        fail(inFlight.what + ": an answer without Content-Length: " + head.lines().findFirst().orElse(""));
        return false;
      }
      status = Integer.parseInt(head.substring(9, 12));
      int valueStart = at + "\r\ncontent-length:".length();
      bodyLength = Integer.parseInt(head.substring(valueStart, head.indexOf('\r', valueStart)).trim());
      return true;
    }

    private void fail(String why) {
      if (inFlight != null) {
        inFlight.answer.tryFail(why);
        inFlight = null;
      }
      channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      super.channelInactive(ctx);
      if (timeout != null) timeout.cancel(false);
      if (inFlight != null) inFlight.answer.tryFail(inFlight.what + ": the server closed the connection");
      inFlight = null;
      idle.remove(this);
      open--;
      if (!waiting.isEmpty() && open < maxConnections) connect();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail("socket: " + cause);
    }
  }
}
