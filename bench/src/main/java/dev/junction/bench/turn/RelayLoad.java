package dev.junction.bench.turn;

import dev.junction.bench.ProcStat;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Saturating TURN relay load: {@code --clients} UDP clients, each with one allocation and a
 * channel to one echo peer, keep {@code --window} ChannelData messages each in flight through the
 * server and back ({@link EchoWindow}). Closed loop: every echo sends the next message, so the
 * rate is what the server can relay, where turnutils_uclient sets its own pace. The generator and
 * its echo peer share one event-loop thread, batch their system calls and send runs of datagrams
 * as segmented packets (UDP GSO, {@code --gso 0} to compare without), so that, pinned to a core of
 * its own, it outruns a server pinned to another.
 *
 * <pre>
 * java -cp junction-bench.jar dev.junction.bench.turn.RelayLoad --port 3478 --secret S
 *     [--host 127.0.0.1] [--clients 16] [--window 8] [--length 200] [--timeout-ms 200]
 *     [--warmup 3] [--seconds 10] [--server-pid PID] [--clk-tck 100] [--gso 1]
 * </pre>
 *
 * Prints a human line and {@code relayload.*=value} lines: echoed messages and their rate over the
 * measured interval, messages lost (no echo within the timeout), strays, and with
 * {@code --server-pid} the server's CPU seconds, per 100k messages and per second of wall time
 * (1.0 = one core busy), and the generator's own; and whether it segmented.
 */
public final class RelayLoad {

  private static final int CHANNEL = 0x4000;
  /** Local ports to try per client when the server still holds an allocation on one (437). */
  private static final int PORT_ATTEMPTS = 5;

  public static void main(String[] args) throws Exception {
    CliOptions options = new CliOptions(args);
    String host = options.string("host", "127.0.0.1");
    int port = options.integer("port", 0);
    String secret = options.string("secret", null);
    String user = options.string("user", "bench");
    int clients = options.integer("clients", 16);
    int window = options.integer("window", 8);
    int length = options.integer("length", 200);
    int timeoutMs = options.integer("timeout-ms", 200);
    int warmup = options.integer("warmup", 3);
    int seconds = options.integer("seconds", 10);
    long serverPid = Long.parseLong(options.string("server-pid", "0"));
    int clkTck = options.integer("clk-tck", 100);
    int gso = options.integer("gso", 1);
    options.rejectUnknown();
    if (port <= 0 || clients < 1 || clients > 256 || window < 1 || window > 1024 || timeoutMs < 1
        || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 600 || (gso != 0 && gso != 1)) {
      throw new IllegalArgumentException("need --port, 1..256 clients, a 1..1024 window, 1..600 seconds, --gso 0 or 1");
    }
    // segmented only where epoll and the kernel support it; the report says whether it was
    boolean segment = gso == 1 && RelayDatagrams.segmentationSupported();
    InetSocketAddress server = new InetSocketAddress(host, port);
    RestCredential credential = RestCredential.mint(secret, user, System.currentTimeMillis() / 1000 + 3600);
    EventLoopGroup loop = RelayDatagrams.loop();
    try {
      Channel peer = EchoPeer.bind(loop, new InetSocketAddress(host, 0), segment);
      InetSocketAddress peerAddress = (InetSocketAddress) peer.localAddress();
      List<RelayClient> all = new ArrayList<>();
      List<ChannelSetup> setups = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Connected connected = connect(loop, new InetSocketAddress(host, 0), server, credential, peerAddress);
        all.add(connected.client());
        setups.add(connected.setup());
      }
      long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      loop.submit(() -> all.forEach(c -> c.start(new EchoWindow(CHANNEL, length, window, timeoutNanos), segment)))
          .get();
      // Slots whose message was lost send again here; echoes keep the rest going on their own.
      loop.scheduleAtFixedRate(() -> {
        long now = System.nanoTime();
        all.forEach(c -> c.topUp(now));
      }, 10, 10, TimeUnit.MILLISECONDS);
      Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
      Snapshot start = Snapshot.take(loop, all, serverPid);
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      Snapshot end = Snapshot.take(loop, all, serverPid);
      report(server, clients, window, length, segment, start, end, clkTck);
      loop.submit(() -> all.forEach(RelayClient::stop)).get();
      release(setups);
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** A client with its allocation and channel; its setup deletes the allocation at the end. */
  private record Connected(RelayClient client, ChannelSetup setup) {}

  /**
   * Opens a client and sets up its allocation and channel. When the server still holds an
   * allocation for the client's 5-tuple (437), another local port is tried, as turnutils_uclient
   * does.
   */
  private static Connected connect(EventLoopGroup loop, InetSocketAddress local, InetSocketAddress server,
      RestCredential credential, InetSocketAddress peer) throws java.io.IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      RelayClient client = RelayClient.open(loop, local, server);
      ChannelSetup setup = new ChannelSetup(client, credential);
      try {
        setup.allocateWithChannel(CHANNEL, peer);
        return new Connected(client, setup);
      } catch (ChannelSetup.FiveTupleTaken e) {
        client.channel().close().sync();
        if (attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Deletes the allocations once the load has stopped, so the next run against the same server
   * does not meet them. The measurement is already printed: a failure here is only reported.
   */
  private static void release(List<ChannelSetup> setups) {
    int failed = 0;
    for (ChannelSetup setup : setups) {
      try {
        setup.release();
      } catch (java.io.IOException e) {
        failed++;
        System.err.println("RelayLoad: could not release an allocation: " + e.getMessage());
      }
    }
    System.out.printf(Locale.ROOT, "relayload.released=%d%n", setups.size() - failed);
  }

  /** Counters of all clients at one moment, read on the event loop that changes them, and CPU times. */
  private record Snapshot(long nanos, long echoed, long lost, long strays, long[] perClient, ProcStat server,
      ProcStat self) {

    static Snapshot take(EventLoopGroup loop, List<RelayClient> clients, long serverPid)
        throws ExecutionException, InterruptedException, java.io.IOException {
      long[] perClient = new long[clients.size()];
      long[] sums = loop.submit(() -> {
        long[] s = new long[3];
        for (int i = 0; i < clients.size(); i++) {
          EchoWindow w = clients.get(i).window();
          perClient[i] = w.echoed();
          s[0] += w.echoed();
          s[1] += w.lost();
          s[2] += w.strays();
        }
        return s;
      }).get();
      return new Snapshot(System.nanoTime(), sums[0], sums[1], sums[2], perClient,
          serverPid > 0 ? ProcStat.read(serverPid) : null, ProcStat.read(ProcessHandle.current().pid()));
    }
  }

  private static void report(InetSocketAddress server, int clients, int window, int length, boolean segment,
      Snapshot start, Snapshot end, int clkTck) {
    double seconds = (end.nanos - start.nanos) / 1e9;
    long echoed = end.echoed - start.echoed;
    long lost = end.lost - start.lost;
    long strays = end.strays - start.strays;
    int silent = 0;
    for (int i = 0; i < clients; i++) {
      if (end.perClient[i] == start.perClient[i]) {
        silent++;
      }
    }
    double rate = echoed / seconds;
    double selfCpu = end.self.secondsSince(start.self, clkTck);
    double serverCpu = Double.NaN;
    double userShare = Double.NaN;
    String cpu = "";
    if (start.server != null) {
      serverCpu = end.server.secondsSince(start.server, clkTck);
      userShare = (double) (end.server.userTicks() - start.server.userTicks())
          / Math.max(1, end.server.totalTicks() - start.server.totalTicks());
      cpu = String.format(Locale.ROOT, ", server CPU %.2f s (%.3f s per 100k, %.2f cores, %.0f%% user)",
          serverCpu, serverCpu * 100_000 / Math.max(1, echoed), serverCpu / seconds, 100 * userShare);
    }
    System.out.printf(Locale.ROOT, "Relay %s: %d clients x %d in flight x %d bytes: %d echoed in %.2f s = %.0f/s, "
        + "%d lost, %d strays%s; generator %.2f cores, GSO %s%n",
        server, clients, window, length, echoed, seconds, rate, lost, strays, cpu, selfCpu / seconds,
        segment ? "on" : "off");
    if (!Double.isNaN(serverCpu)) {
      System.out.printf(Locale.ROOT, "relayload.server_cpu_seconds=%.3f%nrelayload.server_user_share=%.3f%n",
          serverCpu, userShare);
    }
    System.out.printf(Locale.ROOT, "relayload.echoed=%d%nrelayload.seconds=%.4f%nrelayload.rate=%.1f%n",
        echoed, seconds, rate);
    System.out.printf(Locale.ROOT, "relayload.lost=%d%nrelayload.strays=%d%nrelayload.silent_clients=%d%n",
        lost, strays, silent);
    System.out.printf(Locale.ROOT, "relayload.generator_cpu_seconds=%.3f%nrelayload.gso=%d%n", selfCpu,
        segment ? 1 : 0);
  }
}
