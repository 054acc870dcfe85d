package dev.junction.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.core.internal.ContextInternal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What the lean clients ({@link LeanWebSocket}, {@link LeanHttpPool}) share: client TCP
 * connections on a Vert.x context's own Netty event loop (the channel type matches the loop's
 * transport, epoll or NIO; Nagle off; a connect gives up after 10 s), and reading the head of an
 * HTTP answer.
 */
final class LoopChannels {

  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

  private LoopChannels() {}

  static ChannelFuture connect(ContextInternal loop, InetSocketAddress address, ChannelHandler handler) {
    return new Bootstrap()
        .group(loop.nettyEventLoop())
        .channel(loop.owner().isNativeTransportEnabled() ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(handler)
        .connect(address);
  }

  /**
   * Reads an HTTP answer's status line and headers, up to and including the blank line, when they
   * have all arrived in {@code in}; else reads nothing and returns null.
   */
  static String readHttpHead(ByteBuf in) {
    int last = in.writerIndex() - CRLF_CRLF.length;
    for (int i = in.readerIndex(); i <= last; i++) {
      int j = 0;
      while (j < CRLF_CRLF.length && in.getByte(i + j) == CRLF_CRLF[j]) j++;
      if (j == CRLF_CRLF.length) {
        return in.readCharSequence(i + CRLF_CRLF.length - in.readerIndex(), StandardCharsets.ISO_8859_1).toString();
      }
    }
    return null;
  }
}
