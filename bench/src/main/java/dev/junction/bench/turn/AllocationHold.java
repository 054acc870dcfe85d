package dev.junction.bench.turn;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Method;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.RequestedTransport;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import dev.junction.stun.Username;
import dev.junction.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens {@code --count} UDP sockets and makes one TURN allocation on each with TURN REST
 * credentials (Allocate, 401 with REALM and NONCE, Allocate signed with MESSAGE-INTEGRITY under
 * MD5(username:realm:password)), at most {@code --concurrency} in flight, retransmitting on
 * timeout. Then holds every allocation (no Refresh: the default lifetime is 10 minutes) while it
 * reads the server's memory, and while the calling script measures more, for {@code --hold-seconds}.
 *
 * <pre>
 * java -cp ... dev.junction.bench.turn.AllocationHold --port 3478 --secret S [--count 10000]
 *     [--local-host 127.0.0.1] [--concurrency 200] [--user bench] [--timeout-ms 1000] [--attempts 6] [--max-seconds 180]
 *     [--server-pid PID] [--metrics http://127.0.0.1:8080/metrics] [--settle-seconds 3] [--hold-seconds 60]
 * </pre>
 *
 * The client sockets bind {@code --local-host} (default: the server's address). On loopback, give
 * them another address (127.0.0.2): 10,000 client sockets on the relay address take ephemeral
 * ports (32768-60999) that overlap the relay range (49152-65535), and the server then has to skip
 * them when it binds relay sockets, which no real deployment sees at that scale.
 *
 * <p>Prints {@code hold.*=value} lines, then {@code hold.holding=N} once everything is measured and
 * the allocations are being held (the script waits for that line).
 */
public final class AllocationHold {

  private static final int IDLE = 0;
  private static final int WAIT_CHALLENGE = 1;
  private static final int WAIT_ALLOCATE = 2;
  private static final int DONE = 3;
  private static final int FAILED = 4;

  private final InetSocketAddress server;
  private final InetSocketAddress local;
  private final RestCredential credential;
  private final long timeoutNanos;
  private final int attemptsAllowed;
  private final DatagramChannel[] channels;
  private final int[] state;
  private final TransactionId[] transaction;
  private final byte[][] lastRequest;
  private final long[] sentAt;
  private final int[] attempts;
  private final Map<String, Integer> failures = new TreeMap<>();
  private final Set<InetSocketAddress> relayed = new HashSet<>();
  private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
  private String realm;
  private IntegrityKey key;
  private int inFlight;
  private int done;
  private int failed;
  private int retransmissions;

  private AllocationHold(InetSocketAddress server, InetSocketAddress local, RestCredential credential, int count,
      long timeoutNanos, int attemptsAllowed) {
    this.server = server;
    this.local = local;
    this.credential = credential;
    this.timeoutNanos = timeoutNanos;
    this.attemptsAllowed = attemptsAllowed;
    this.channels = new DatagramChannel[count];
    this.state = new int[count];
    this.transaction = new TransactionId[count];
    this.lastRequest = new byte[count][];
    this.sentAt = new long[count];
    this.attempts = new int[count];
  }

  public static void main(String[] args) throws Exception {
    CliOptions options = new CliOptions(args);
    String host = options.string("host", "127.0.0.1");
    int port = options.integer("port", 0);
    String localHost = options.string("local-host", host);
    String secret = options.string("secret", null);
    String user = options.string("user", "bench");
    int count = options.integer("count", 10_000);
    int concurrency = options.integer("concurrency", 200);
    int timeoutMs = options.integer("timeout-ms", 1000);
    int attemptsAllowed = options.integer("attempts", 6);
    int maxSeconds = options.integer("max-seconds", 180);
    long serverPid = Long.parseLong(options.string("server-pid", "0"));
    String metrics = options.string("metrics", "");
    int settleSeconds = options.integer("settle-seconds", 3);
    int holdSeconds = options.integer("hold-seconds", 60);
    options.rejectUnknown();
    if (port <= 0 || count < 1 || count > 19_000 || concurrency < 1 || maxSeconds < 1 || maxSeconds > 900
        || holdSeconds < 0 || holdSeconds > 900) {
      throw new IllegalArgumentException("need --port, 1..19000 allocations, 1..900 max-seconds, 0..900 hold-seconds");
    }
    RestCredential credential = RestCredential.mint(secret, user, System.currentTimeMillis() / 1000 + 24 * 3600);
    AllocationHold hold = new AllocationHold(new InetSocketAddress(host, port), new InetSocketAddress(localHost, 0),
        credential, count,
        TimeUnit.MILLISECONDS.toNanos(timeoutMs), attemptsAllowed);
    try (Selector selector = Selector.open()) {
      hold.allocate(selector, concurrency, maxSeconds);
      hold.report(serverPid, metrics, settleSeconds, selector);
      System.out.println("hold.holding=" + hold.done);
      System.out.flush();
      hold.drainFor(selector, TimeUnit.SECONDS.toNanos(holdSeconds));
    } finally {
      hold.closeAll();
    }
  }

  private void allocate(Selector selector, int concurrency, int maxSeconds) throws IOException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    int next = 0;
    long nextScan = start;
    int count = channels.length;
    while (done + failed < count) {
      while (inFlight < concurrency && next < count) {
        begin(selector, next++);
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        for (int i = 0; i < count; i++) {
          if (state[i] == WAIT_CHALLENGE || state[i] == WAIT_ALLOCATE || state[i] == IDLE) {
            fail(i, "unfinished at the deadline");
          }
        }
        break;
      }
      if (now >= nextScan) {
        retransmit(now);
        nextScan = now + TimeUnit.MILLISECONDS.toNanos(50);
      }
      if (selector.select(10) > 0) {
        for (SelectionKey key : selector.selectedKeys()) {
          read((Integer) key.attachment());
        }
        selector.selectedKeys().clear();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Allocations on %s from %s: %d of %d made in %.2f s (%.0f/s), %d failed, %d retransmissions%n",
        server, local.getAddress().getHostAddress(), done, count, seconds, done / seconds, failed, retransmissions);
    System.out.printf(Locale.ROOT, "hold.requested=%d%nhold.allocated=%d%nhold.failed=%d%nhold.seconds=%.3f%n",
        count, done, failed, seconds);
    System.out.printf(Locale.ROOT, "hold.rate=%.1f%nhold.retransmissions=%d%nhold.distinct_relayed=%d%n",
        done / seconds, retransmissions, relayed.size());
    if (!failures.isEmpty()) {
      System.out.println("hold.failures=" + failures);
    }
  }

  private void begin(Selector selector, int i) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(local);
    channel.connect(server);
    channel.configureBlocking(false);
    channel.register(selector, SelectionKey.OP_READ, i);
    channels[i] = channel;
    inFlight++;
    state[i] = WAIT_CHALLENGE;
    send(i, StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(RequestedTransport.UDP));
  }

  private void send(int i, StunMessage.Builder request) throws IOException {
    byte[] bytes = request.encode();
    transaction[i] = TransactionId.of(java.util.Arrays.copyOfRange(bytes, 8, 20));
    lastRequest[i] = bytes;
    attempts[i] = 1;
    sentAt[i] = System.nanoTime();
    channels[i].write(ByteBuffer.wrap(bytes));
  }

  /** RFC 8489 §6.2.1: the same request again (same transaction id) when no answer came in time. */
  private void retransmit(long now) throws IOException {
    for (int i = 0; i < channels.length; i++) {
      if ((state[i] == WAIT_CHALLENGE || state[i] == WAIT_ALLOCATE) && now - sentAt[i] > timeoutNanos) {
        if (attempts[i] >= attemptsAllowed) {
          fail(i, "timeout");
          continue;
        }
        attempts[i]++;
        retransmissions++;
        sentAt[i] = now;
        channels[i].write(ByteBuffer.wrap(lastRequest[i]));
      }
    }
  }

  private void read(int i) throws IOException {
    while (true) {
      in.clear();
      int length = channels[i].read(in);
      if (length <= 0) {
        return;
      }
      if (state[i] != WAIT_CHALLENGE && state[i] != WAIT_ALLOCATE) {
        continue; // a duplicate answer to a retransmission
      }
      DecodedMessage decoded;
      try {
        decoded = StunDecoder.decode(in.flip());
      } catch (StunParseException e) {
        fail(i, "malformed answer");
        continue;
      }
      StunMessage answer = decoded.message();
      if (!answer.transactionId().equals(transaction[i]) || !answer.type().method().equals(Method.ALLOCATE)) {
        continue;
      }
      onAnswer(i, decoded);
    }
  }

  private void onAnswer(int i, DecodedMessage decoded) throws IOException {
    StunMessage answer = decoded.message();
    MessageClass kind = answer.type().messageClass();
    if (kind == MessageClass.SUCCESS_RESPONSE) {
      if (state[i] == WAIT_ALLOCATE && !decoded.verifyMessageIntegrity(key)) {
        fail(i, "answer with a bad MESSAGE-INTEGRITY");
        return;
      }
      answer.first(XorRelayedAddress.class).ifPresent(address -> relayed.add(address.address()));
      state[i] = DONE;
      inFlight--;
      done++;
      return;
    }
    int code = answer.first(ErrorCode.class).map(ErrorCode::code).orElse(0);
    var nonce = answer.first(Nonce.class);
    boolean challenge = (state[i] == WAIT_CHALLENGE && code == ErrorCode.UNAUTHENTICATED)
        || (state[i] == WAIT_ALLOCATE && code == ErrorCode.STALE_NONCE && attempts[i] < attemptsAllowed);
    if (!challenge || nonce.isEmpty()) {
      fail(i, "error " + code);
      return;
    }
    String answerRealm = answer.first(Realm.class).map(Realm::value).orElse(realm);
    if (answerRealm == null) {
      fail(i, "401 without REALM");
      return;
    }
    if (key == null || !answerRealm.equals(realm)) {
      realm = answerRealm;
      key = credential.key(realm);
    }
    state[i] = WAIT_ALLOCATE;
    send(i, StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(RequestedTransport.UDP)
        .add(new Username(credential.username()))
        .add(new Realm(realm))
        .add(nonce.get())
        .messageIntegrity(key));
  }

  private void fail(int i, String why) {
    if (state[i] == WAIT_CHALLENGE || state[i] == WAIT_ALLOCATE) {
      inFlight--;
    }
    state[i] = FAILED;
    failed++;
    failures.merge(why, 1, Integer::sum);
  }

  /** What the server holds now: its RSS and sockets (any server), heap and allocations (Junction's /metrics). */
  private void report(long serverPid, String metrics, int settleSeconds, Selector selector) throws Exception {
    drainFor(selector, TimeUnit.SECONDS.toNanos(settleSeconds));
    if (serverPid > 0) {
      System.out.println("hold.server_rss_kib=" + rssKib(serverPid));
      System.out.println("hold.server_sockets=" + sockets(serverPid));
    }
    if (!metrics.isEmpty()) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String text = client.send(HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      OptionalDouble heap = PrometheusText.sum(text, "jvm_memory_used_bytes", "area=\"heap\"");
      OptionalDouble gauge = PrometheusText.sum(text, "junction_turn_allocations", "");
      OptionalDouble created = PrometheusText.sum(text, "junction_turn_allocations_total", "");
      heap.ifPresent(v -> System.out.printf(Locale.ROOT, "hold.heap_used_bytes=%.0f%n", v));
      gauge.ifPresent(v -> System.out.printf(Locale.ROOT, "hold.metrics_allocations=%.0f%n", v));
      created.ifPresent(v -> System.out.printf(Locale.ROOT, "hold.metrics_allocations_created=%.0f%n", v));
      if (gauge.isEmpty()) {
        System.out.println("WARNING: /metrics has no junction_turn_allocations gauge"
            + (created.isPresent() ? " (only the counter junction_turn_allocations_total)" : ""));
      }
    }
  }

  static long rssKib(long pid) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(-1);
    }
  }

  static long sockets(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false; // closed meanwhile
        }
      }).count();
    }
  }

  /** Keeps the sockets open and read (answers to retransmissions, stray data) for {@code nanos}. */
  private void drainFor(Selector selector, long nanos) throws IOException {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      if (selector.select(100) > 0) {
        for (SelectionKey key : selector.selectedKeys()) {
          int i = (Integer) key.attachment();
          while (true) {
            in.clear();
            if (channels[i].read(in) <= 0) {
              break;
            }
          }
        }
        selector.selectedKeys().clear();
      }
    }
  }

  private void closeAll() {
    for (DatagramChannel channel : channels) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing at exit
        }
      }
    }
  }
}
