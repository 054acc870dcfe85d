package dev.junction.media.port;

import dev.junction.media.ice.IceDemux;
import dev.junction.media.ice.IceSession;
import dev.junction.media.ice.IceSessionListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one UDP port every WebRTC peer connection of the server shares (ICE-lite, RFC 8445 §2.5):
 * STUN checks are answered here through the {@link IceDemux}; DTLS, RTP and RTCP go to the
 * {@link PacketReceiver} of the session that owns the source address.
 *
 * <p>With epoll there is one socket per event loop, all bound to the same port with SO_REUSEPORT,
 * so the kernel spreads peers over the cores; each peer connection lives on one loop
 * ({@link #nextLoop}) and sends through that loop's socket ({@link #sender}), flushing once per
 * burst so that the packets of one frame leave in one sendmmsg call. Blocking DTLS handshakes run
 * on a small bounded pool ({@link #handshakeWorkers}), never on a loop.
 */
public final class MediaPort implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MediaPort.class);
  /** Larger than any datagram a browser sends us (it keeps under the path MTU, about 1200). */
  static final int MAX_DATAGRAM = 2048;
  private static final int DATAGRAMS_PER_READ = 16;
  private static final int SOCKET_BUFFER = 4 << 20;
  /** Handshakes waiting for a worker; beyond this a new one fails at once instead of queueing for ever. */
  private static final int HANDSHAKE_QUEUE = 1024;

  /**
   * @param host the address to bind, e.g. {@code 0.0.0.0}
   * @param port the UDP port; 0 for any free one
   * @param threads event loops (and sockets with epoll)
   * @param consentTimeout how long a session lives without a valid ICE check (RFC 7675: 30 s)
   * @param handshakeThreads workers for blocking DTLS handshakes
   */
  public record Options(String host, int port, int threads, Duration consentTimeout, int handshakeThreads) {
    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, got " + port);
      }
      if (threads < 1 || handshakeThreads < 1) {
        throw new IllegalArgumentException("threads and handshakeThreads must be >= 1");
      }
    }
  }

  private final PortTransport transport = PortTransport.best();
  private final EventLoopGroup group;
  private final IceDemux demux;
  private final Map<IceSession, PacketReceiver> receivers = new ConcurrentHashMap<>();
  private final Map<EventLoop, Channel> socketOfLoop = new HashMap<>();
  private final List<EventLoop> loops = new ArrayList<>();
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final ExecutorService handshakeWorkers;
  private final PortCounters counters = new PortCounters();
  private int port;

  private MediaPort(Options options) {
    this.group = transport.newGroup(options.threads());
    long startNanos = System.nanoTime();
    this.demux = new IceDemux(() -> (System.nanoTime() - startNanos) / 1_000_000,
        options.consentTimeout().toMillis());
    AtomicInteger worker = new AtomicInteger();
    this.handshakeWorkers = new ThreadPoolExecutor(options.handshakeThreads(), options.handshakeThreads(),
        60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(HANDSHAKE_QUEUE), r -> {
          Thread t = new Thread(r, "junction-dtls-" + worker.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    ((ThreadPoolExecutor) handshakeWorkers).allowCoreThreadTimeOut(true);
  }

  /** Binds the port and starts its loops; throws (after releasing everything) if it cannot. */
  public static MediaPort bind(Options options) throws InterruptedException {
    MediaPort port = new MediaPort(options);
    try {
      port.bindSockets(options);
    } catch (RuntimeException | InterruptedException e) {
      port.close();
      throw e;
    }
    return port;
  }

  private void bindSockets(Options options) throws InterruptedException {
    Bootstrap udp = new Bootstrap()
        .group(group)
        .channel(transport.datagram())
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
        // what may wait in the JVM once the kernel's buffer is full; beyond it PortSender drops
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(SOCKET_BUFFER, 2 * SOCKET_BUFFER))
        .handler(new InboundHandler(demux, receivers, counters));
    int sockets = 1;
    if (transport.epoll()) {
      udp.option(EpollChannelOption.SO_REUSEPORT, true)
          .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
      sockets = options.threads();
    }
    int bound = options.port();
    for (int i = 0; i < sockets; i++) {
      Channel channel = udp.bind(new InetSocketAddress(options.host(), bound)).sync().channel();
      socketOfLoop.put(channel.eventLoop(), channel);
      loops.add(channel.eventLoop());
      bound = ((InetSocketAddress) channel.localAddress()).getPort();
    }
    port = bound;
    loops.get(0).scheduleAtFixedRate(demux::expireConsent, 1, 1, TimeUnit.SECONDS);
    log.info("media port listening on udp {}:{} ({} socket(s), {})", options.host(), port, sockets,
        transport.epoll() ? "epoll" : "nio");
  }

  /** The bound UDP port. */
  public int port() {
    return port;
  }

  /** The loop for a new peer connection: round robin over the loops that own a socket. */
  public EventLoop nextLoop() {
    return loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
  }

  /** Sends datagrams from {@code loop}, through its own socket when it has one. */
  public PortSender sender(EventLoop loop) {
    Channel channel = socketOfLoop.getOrDefault(loop, socketOfLoop.get(loops.get(0)));
    return new PortSender(channel, counters);
  }

  /**
   * Opens an ICE session with new random credentials; its DTLS, RTP and RTCP reach
   * {@code receiver} (on the loop that read them) until {@link #close(IceSession)}.
   */
  public IceSession open(IceSessionListener listener, PacketReceiver receiver) {
    IceSession session = demux.open(listener);
    receivers.put(session, receiver);
    return session;
  }

  /** Forgets the session: its credentials and routes stop working at once. */
  public void close(IceSession session) {
    demux.close(session);
    receivers.remove(session);
  }

  /** Where blocking DTLS handshakes run. */
  public ExecutorService handshakeWorkers() {
    return handshakeWorkers;
  }

  /** Open ICE sessions: one per live peer connection. */
  public int sessionCount() {
    return demux.sessionCount();
  }

  /** ICE ufrags and source-address routes held now: both zero when no session is open. */
  public int ufragCount() {
    return demux.ufragCount();
  }

  public int routeCount() {
    return demux.routeCount();
  }

  /** Datagrams in and out, and why some were dropped. */
  public PortCounters counters() {
    return counters;
  }

  @Override
  public void close() {
    handshakeWorkers.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
