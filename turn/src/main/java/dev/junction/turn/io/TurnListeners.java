package dev.junction.turn.io;

import dev.junction.turn.FiveTuple;
import dev.junction.turn.RelayBinder;
import dev.junction.turn.RelaySocket;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The STUN/TURN listeners: UDP and TCP on one port, TLS on another when a certificate is given,
 * one event loop per core. Relay sockets are bound on the same loops ({@link #bind}).
 */
public final class TurnListeners implements RelayBinder, AutoCloseable {

  /** Larger than any datagram a client sends us; recvmmsg fills a buffer of several of these. */
  private static final int MAX_DATAGRAM = 2048;
  /**
   * 16 × 2 KiB = 32 KiB, the largest buffer the pooled allocator keeps in its per-thread cache:
   * a larger one is taken from and given back to the shared arena on every read.
   */
  private static final int DATAGRAMS_PER_READ = 16;

  /** What to listen on. {@code tls} null: no TLS listener. Port 0 picks a free port. */
  public record Settings(String host, int port, int tlsPort, SslContext tls) {}

  private static final FastThreadLocal<FlushBatch> BATCH = new FastThreadLocal<>() {
    @Override
    protected FlushBatch initialValue() {
      return new FlushBatch();
    }
  };

  /** Tries at a free UDP port whose number is also free for TCP, when the port is 0. */
  private static final int PICKED_PORT_ATTEMPTS = 8;

  private final Transports transports = Transports.best();
  private final EventLoopGroup group;
  private final int threads;
  private final List<Channel> channels = new ArrayList<>();
  private final RelayChannels relays;
  private int udpPort;
  private int tcpPort;
  private int tlsPort = -1;

  /** The event loops; nothing is bound until {@link #listen}, but relay sockets can already be. */
  public TurnListeners(int threads) {
    this.threads = threads;
    this.group = transports.newGroup(threads);
    this.relays = new RelayChannels(transports.datagram(), BATCH::get);
  }

  /**
   * Binds every listener; throws (after releasing everything) if one cannot be. With port 0 the
   * TCP listener takes the UDP port the system picked, which another program may hold for TCP:
   * then a new UDP port is picked, a few times.
   */
  public void listen(Settings settings, PacketHandler protocol, Consumer<FiveTuple> onStreamClosed)
      throws InterruptedException {
    try {
      bindUdpAndTcp(settings, protocol, onStreamClosed);
      if (settings.tls() != null) {
        tlsPort = bindStream(settings.host(), settings.tlsPort(), settings.tls(), protocol, onStreamClosed);
      }
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  private void bindUdpAndTcp(Settings settings, PacketHandler protocol, Consumer<FiveTuple> onStreamClosed)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      bindUdp(settings, protocol);
      try {
        tcpPort = bindStream(settings.host(), udpPort, null, protocol, onStreamClosed);
        return;
      } catch (Exception e) { // Netty's sync() rethrows the bind's IOException unchecked
        if (settings.port() != 0 || attempt == PICKED_PORT_ATTEMPTS || !addressInUse(e)) {
          throw e;
        }
        channels.forEach(channel -> channel.close().syncUninterruptibly());
        channels.clear();
      }
    }
  }

  private static boolean addressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private void bindUdp(Settings settings, PacketHandler protocol) throws InterruptedException {
    Bootstrap udp = new Bootstrap()
        .group(group)
        .channel(transports.datagram())
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .option(ChannelOption.SO_SNDBUF, 4 << 20)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new UdpClientHandler(protocol, BATCH::get));
          }
        });
    // One socket per loop on the same port: the kernel spreads clients over them by 5-tuple.
    int sockets = 1;
    if (transports.epoll()) {
      // A read of many datagrams fills one large buffer, sliced per datagram. Netty's default
      // (adaptive) allocator gave such buffers a fresh chunk, zeroed and freed again, read after
      // read; the pooled allocator reuses its memory (DATAGRAMS_PER_READ).
      udp.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
          .option(EpollChannelOption.SO_REUSEPORT, true)
          .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
      sockets = threads;
    }
    int port = settings.port();
    for (int i = 0; i < sockets; i++) {
      Channel channel = udp.bind(new InetSocketAddress(settings.host(), port)).sync().channel();
      channels.add(channel);
      port = ((InetSocketAddress) channel.localAddress()).getPort();
    }
    udpPort = port;
  }

  private int bindStream(String host, int port, SslContext tls, PacketHandler protocol,
      Consumer<FiveTuple> onStreamClosed) throws InterruptedException {
    FiveTuple.Transport transport = tls == null ? FiveTuple.Transport.TCP : FiveTuple.Transport.TLS;
    ServerBootstrap stream = new ServerBootstrap()
        .group(group)
        .channel(transports.server())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            if (tls != null) {
              channel.pipeline().addLast(tls.newHandler(channel.alloc()));
            }
            channel.pipeline().addLast(new StreamFrameDecoder(),
                new StreamClientHandler(protocol, transport, BATCH::get, onStreamClosed));
          }
        });
    Channel channel = stream.bind(new InetSocketAddress(host, port)).sync().channel();
    channels.add(channel);
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /**
   * With epoll, a relay socket is registered with the loop directly ({@link EpollRelaySocket});
   * elsewhere it is a Netty datagram channel.
   */
  @Override
  public Future<RelaySocket> bind(InetSocketAddress local, EventLoop loop, PeerDataHandler onPeerData) {
    if (transports.epoll()) {
      return EpollRelaySocket.bind(local, (IoEventLoop) loop, PooledByteBufAllocator.DEFAULT, BATCH::get, onPeerData);
    }
    Promise<RelaySocket> socket = loop.newPromise();
    relays.bind(local, loop, onPeerData::onPeerData).addListener((ChannelFuture bound) -> {
      if (bound.isSuccess()) {
        socket.setSuccess(relays.socket(bound.channel()));
      } else {
        socket.setFailure(bound.cause());
      }
    });
    return socket;
  }

  public int udpPort() {
    return udpPort;
  }

  public int tcpPort() {
    return tcpPort;
  }

  /** The TLS port, or -1 without TLS. */
  public int tlsPort() {
    return tlsPort;
  }

  public EventLoopGroup group() {
    return group;
  }

  @Override
  public void close() {
    channels.forEach(Channel::close);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
