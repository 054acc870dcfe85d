package dev.junction.bench.turn;

import dev.junction.bench.ProcStat;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunParseException;
import dev.junction.stun.XorMappedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * STUN Binding load: a few UDP sockets, each with a bounded window of outstanding Binding
 * requests; every answer whose transaction id matches an outstanding request frees its slot for
 * the next request. Counts answers per second over a measured interval after a warmup. One
 * thread, non-blocking sockets, no allocation per request.
 *
 * <pre>
 * java -cp ... dev.junction.bench.turn.BindingLoad --port 3478 [--host 127.0.0.1] [--sockets 4]
 *     [--window 32] [--warmup 3] [--seconds 10] [--timeout-ms 250] [--server-pid PID] [--clk-tck 100]
 * </pre>
 *
 * Prints a human line and {@code binding.*=value} lines for the summary. With {@code --server-pid}
 * it also reports the server's CPU seconds over the measured interval (from /proc/PID/stat).
 */
public final class BindingLoad {

  private static final int SUCCESS = 0x0101;

  private final DatagramChannel[] channels;
  private final int window;
  private final long timeoutNanos;
  private final long[][] sequence;
  private final long[][] sentAt;
  private final boolean[][] outstanding;
  private final boolean[] verified;
  private final ByteBuffer out = ByteBuffer.allocateDirect(20);
  private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
  private long answers;
  private long timeouts;
  private long strays;
  private long sendFailures;
  private int verifiedSockets;
  private String verifyProblem;

  private BindingLoad(DatagramChannel[] channels, int window, long timeoutNanos) {
    this.channels = channels;
    this.window = window;
    this.timeoutNanos = timeoutNanos;
    this.sequence = new long[channels.length][window];
    this.sentAt = new long[channels.length][window];
    this.outstanding = new boolean[channels.length][window];
    this.verified = new boolean[channels.length];
  }

  public static void main(String[] args) throws Exception {
    CliOptions options = new CliOptions(args);
    String host = options.string("host", "127.0.0.1");
    int port = options.integer("port", 0);
    int sockets = options.integer("sockets", 4);
    int window = options.integer("window", 32);
    int warmup = options.integer("warmup", 3);
    int seconds = options.integer("seconds", 10);
    int timeoutMs = options.integer("timeout-ms", 250);
    long serverPid = Long.parseLong(options.string("server-pid", "0"));
    int clkTck = options.integer("clk-tck", 100);
    options.rejectUnknown();
    if (port <= 0 || sockets < 1 || sockets > 127 || window < 1 || window > 65535 || seconds < 1 || seconds > 600
        || warmup < 0 || warmup > 600) {
      throw new IllegalArgumentException("need --port, 1..127 sockets, 1..65535 window, 1..600 seconds");
    }
    InetSocketAddress server = new InetSocketAddress(host, port);
    DatagramChannel[] channels = new DatagramChannel[sockets];
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < sockets; i++) {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        channel.bind(new InetSocketAddress(host, 0));
        channel.connect(server); // only the server's datagrams reach this socket
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, i);
        channels[i] = channel;
      }
      BindingLoad load = new BindingLoad(channels, window, TimeUnit.MILLISECONDS.toNanos(timeoutMs));
      load.run(selector, warmup, seconds, serverPid, clkTck, server);
    } finally {
      for (DatagramChannel channel : channels) {
        if (channel != null) {
          channel.close();
        }
      }
    }
  }

  private void run(Selector selector, int warmup, int seconds, long serverPid, int clkTck, InetSocketAddress server)
      throws IOException {
    for (int s = 0; s < channels.length; s++) {
      for (int slot = 0; slot < window; slot++) {
        send(s, slot);
      }
    }
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    boolean measuring = warmup == 0;
    long answersAtStart = 0;
    long timeoutsAtStart = 0;
    long measureStart = start;
    ProcStat cpuAtStart = serverPid > 0 ? ProcStat.read(serverPid) : null;
    long nextScan = start;
    while (true) {
      long now = System.nanoTime();
      if (!measuring && now >= measureFrom) {
        measuring = true;
        answersAtStart = answers;
        timeoutsAtStart = timeouts;
        measureStart = now;
        cpuAtStart = serverPid > 0 ? ProcStat.read(serverPid) : null;
      }
      if (now >= end) {
        break;
      }
      if (now >= nextScan) {
        expire(now);
        nextScan = now + TimeUnit.MILLISECONDS.toNanos(20);
      }
      if (selector.select(5) > 0) {
        for (SelectionKey key : selector.selectedKeys()) {
          drain((Integer) key.attachment());
        }
        selector.selectedKeys().clear();
      }
    }
    long measuredNanos = System.nanoTime() - measureStart;
    double measured = measuredNanos / 1e9;
    long counted = answers - answersAtStart;
    double rate = counted / measured;
    String cpu = "";
    double serverCpu = Double.NaN;
    if (cpuAtStart != null) {
      serverCpu = ProcStat.read(serverPid).secondsSince(cpuAtStart, clkTck);
      cpu = String.format(Locale.ROOT, ", server CPU %.2f s (%.3f s per 100k)", serverCpu, serverCpu * 100_000 / counted);
    }
    System.out.printf(Locale.ROOT, "Binding %s: %d answers in %.2f s = %.0f/s, %d timed out, %d strays%s%n",
        server, counted, measured, rate, timeouts - timeoutsAtStart, strays, cpu);
    if (verifiedSockets < channels.length) {
      System.out.println("WARNING: not every socket got a well-formed answer: " + verifyProblem);
    }
    System.out.printf(Locale.ROOT, "binding.answers=%d%nbinding.seconds=%.4f%nbinding.rate=%.1f%n", counted, measured, rate);
    System.out.printf(Locale.ROOT, "binding.timeouts=%d%nbinding.strays=%d%nbinding.send_failures=%d%n",
        timeouts - timeoutsAtStart, strays, sendFailures);
    System.out.printf(Locale.ROOT, "binding.verified_sockets=%d%nbinding.sockets=%d%nbinding.window=%d%n",
        verifiedSockets, channels.length, window);
    if (!Double.isNaN(serverCpu)) {
      System.out.printf(Locale.ROOT, "binding.server_cpu_seconds=%.3f%n", serverCpu);
    }
  }

  /** Reads every datagram waiting on socket {@code s}; each matching answer frees a slot for the next request. */
  private void drain(int s) throws IOException {
    while (true) {
      in.clear();
      int read = channels[s].read(in);
      if (read <= 0) {
        return;
      }
      int slot = BindingWire.matchSlot(in, read, s, window);
      if (slot < 0 || !outstanding[s][slot] || in.getLong(11) != sequence[s][slot]
          || (in.getShort(0) & 0xFFFF) != SUCCESS) {
        strays++; // late answer to a request we already gave up on, or not ours
        continue;
      }
      if (!verified[s]) {
        verify(s, read);
      }
      outstanding[s][slot] = false;
      answers++;
      send(s, slot);
    }
  }

  /** Decodes the first answer of each socket fully: a Binding success carrying our own address. */
  private void verify(int s, int length) throws IOException {
    byte[] bytes = new byte[length];
    in.get(0, bytes, 0, length);
    try {
      DecodedMessage decoded = StunDecoder.decode(bytes);
      var mapped = decoded.message().first(XorMappedAddress.class);
      if (mapped.isPresent() && mapped.get().address().equals(channels[s].getLocalAddress())) {
        verified[s] = true;
        verifiedSockets++;
      } else {
        verifyProblem = "answer without our XOR-MAPPED-ADDRESS: " + decoded.message();
      }
    } catch (StunParseException e) {
      verifyProblem = "malformed answer: " + e.getMessage();
    }
  }

  private void expire(long now) throws IOException {
    for (int s = 0; s < channels.length; s++) {
      for (int slot = 0; slot < window; slot++) {
        if (!outstanding[s][slot] || now - sentAt[s][slot] > timeoutNanos) {
          if (outstanding[s][slot]) {
            timeouts++;
          }
          send(s, slot); // a new transaction: a late answer to the old one is a stray
        }
      }
    }
  }

  private void send(int s, int slot) throws IOException {
    long seq = ++sequence[s][slot];
    BindingWire.writeRequest(out, s, slot, seq);
    sentAt[s][slot] = System.nanoTime();
    if (channels[s].write(out) == 0) {
      sendFailures++; // send buffer full: the next scan retries this slot
      outstanding[s][slot] = false;
      return;
    }
    outstanding[s][slot] = true;
  }
}
