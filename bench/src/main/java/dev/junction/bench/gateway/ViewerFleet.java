package dev.junction.bench.gateway;

import dev.junction.bench.LatencyHistogram;
import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.sdp.SdpParseException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many {@link Viewer}s of one camera, each on its own UDP socket, all on a few event loops (epoll
 * where Linux has it, reading with recvmmsg; NIO elsewhere) and a small pool for the blocking
 * DTLS handshakes. It grows to a number of viewers through the REST API, samples every viewer's
 * counters on their loops, and closes them all as browsers would.
 *
 * <p>{@link #grow}, {@link #sample} and {@link #close} are called from one thread (the load's main).
 */
final class ViewerFleet implements AutoCloseable {

  private static final int MAX_DATAGRAM = 2048;
  private static final int DATAGRAMS_PER_READ = 16;

  private final ViewerSignaling signaling;
  private final DtlsIdentity identity = DtlsIdentity.generate(Duration.ofDays(1));
  private final EventLoopGroup group;
  private final List<ViewerShard> shards = new ArrayList<>();
  private final ExecutorService handshakes;
  private final Bootstrap bootstrap;
  private final List<String> failures = new ArrayList<>();
  private int nextId;
  private int live;

  /**
   * @param signaling where viewers get their sessions
   * @param loops event loops for all viewers' sockets
   * @param handshakeThreads threads running DTLS client handshakes
   * @param receiveBuffer SO_RCVBUF of each viewer's socket: it must hold the GOP burst of a join
   */
  ViewerFleet(ViewerSignaling signaling, int loops, int handshakeThreads, int receiveBuffer) {
    this.signaling = signaling;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(loops, io);
    group.forEach(executor -> shards.add(new ViewerShard((EventLoop) executor)));
    AtomicInteger thread = new AtomicInteger();
    this.handshakes = Executors.newFixedThreadPool(handshakeThreads, r -> {
      Thread t = new Thread(r, "viewer-dtls-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.bootstrap = new Bootstrap()
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, receiveBuffer);
    if (epoll) {
      bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
    }
  }

  /** Viewers connected now (as far as this thread has heard). */
  int size() {
    return live;
  }

  /** Why viewers failed to connect, in order. */
  List<String> failures() {
    return failures;
  }

  /**
   * Adds viewers until {@code target} have connected, at most {@code parallel} setting up at once.
   *
   * @return how many of those added failed to connect
   */
  int grow(int target, int parallel, Duration timeout) throws InterruptedException {
    Semaphore slots = new Semaphore(parallel);
    List<CompletableFuture<Viewer>> joining = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = live; i < target; i++) {
      if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      CompletableFuture<Viewer> join = join(nextId++);
      join.whenComplete((v, e) -> slots.release());
      joining.add(join);
    }
    int failed = target - live - joining.size();
    for (CompletableFuture<Viewer> join : joining) {
      try {
        join.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        live++;
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        failed++;
        failures.add(e instanceof TimeoutException ? "timed out connecting" : rootMessage(e));
      }
    }
    return failed;
  }

  /** One viewer: a session and its offer, a socket, the answer, then ICE and DTLS. */
  private CompletableFuture<Viewer> join(int id) {
    ViewerShard shard = shards.get(id % shards.size());
    return signaling.open().thenCompose(session -> {
      GatewayOffer offer;
      try {
        offer = GatewayOffer.parse(session.offerSdp());
      } catch (SdpParseException e) {
        throw new CompletionException(e);
      }
      Viewer viewer = new Viewer(id, offer, identity, handshakes, shard);
      CompletableFuture<Channel> socket = new CompletableFuture<>();
      bootstrap.clone(shard.loop).handler(viewer)
          .connect(offer.candidate(), new InetSocketAddress(offer.candidate().getAddress(), 0))
          .addListener(f -> {
            if (f.isSuccess()) {
              socket.complete(((ChannelFuture) f).channel());
            } else {
              socket.completeExceptionally(f.cause());
            }
          });
      return socket.thenCompose(channel -> signaling.answer(session.id(), viewer.answer())
          .thenCompose(answered -> {
            shard.loop.execute(() -> viewer.start(channel));
            return viewer.connected();
          }));
    });
  }

  /** Every viewer's counters now; with {@code takeDelays} also the delays since the last such sample. */
  FleetSample sample(boolean takeDelays) throws Exception {
    Map<Integer, ViewerSample> viewers = new HashMap<>();
    LatencyHistogram delays = new LatencyHistogram();
    for (ViewerShard shard : shards) {
      List<ViewerSample> samples = new ArrayList<>();
      shard.loop.submit(() -> {
        for (Viewer v : shard.viewers) {
          samples.add(ViewerSample.of(v, v.localPort()));
        }
        if (takeDelays) {
          delays.add(shard.delays);
          shard.delays = new LatencyHistogram();
        }
      }).get(10, TimeUnit.SECONDS);
      samples.forEach(s -> viewers.put(s.id(), s));
    }
    return new FleetSample(System.nanoTime(), viewers, delays);
  }

  /** Delays from now on are measured against each viewer's best from now on. */
  void resetDelayBaselines() throws Exception {
    for (ViewerShard shard : shards) {
      shard.loop.submit(() -> shard.viewers.forEach(v -> v.stats.resetDelayBaseline())).get(10, TimeUnit.SECONDS);
    }
  }

  /** Closes every viewer with a DTLS close_notify, as a browser's {@code pc.close()} does. */
  @Override
  public void close() throws Exception {
    for (ViewerShard shard : shards) {
      shard.loop.submit(() -> shard.viewers.forEach(v -> v.close("the load ended"))).get(30, TimeUnit.SECONDS);
    }
    handshakes.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
