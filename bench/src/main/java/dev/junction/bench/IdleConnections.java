package dev.junction.bench;

import io.vertx.core.Promise;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens N MDN-dialect connections, logs each in, holds them idle for a while and reports how many
 * stayed open. The server's own memory is read from outside (its /metrics) while they are held:
 * with {@code --ready-file} this program writes that file once all connections are up.
 *
 * <pre>
 * java -cp junction-bench.jar dev.junction.bench.IdleConnections --url ws://127.0.0.1:PORT/ws/mdn
 *     [--connections 10000] [--seconds 30] [--rooms 0] [--login true] [--name-prefix u]
 *     [--ramp-concurrency 256] [--ramp-timeout 300] [--event-loops 1] [--local-addresses 0]
 *     [--ready-file PATH] [--release-file PATH] [--label name]
 * </pre>
 *
 * <p>Connections are held for {@code --seconds} after they are all up; with {@code --release-file}
 * they are released earlier once that file exists (so a script can hold several processes until
 * it has read the server's metrics), {@code --seconds} staying the upper bound.
 *
 * <p>{@code --rooms R} spreads the clients over the rooms {@code <path>/<prefix>r0 .. r(R-1)}: the
 * MDN dialect sends the full user list to everyone in a room on every change, so N logins in one
 * room cost O(N^3) bytes; real deployments split users into rooms. The last line is
 * {@code RESULT key=value ...}. One process is limited by its file-descriptor limit; run several
 * with distinct {@code --name-prefix} for more connections.
 */
public final class IdleConnections implements ClientConnection.Listener {

  private static final Set<String> OPTIONS = Set.of(
      "url", "connections", "seconds", "rooms", "login", "name-prefix", "ramp-concurrency", "ramp-timeout",
      "event-loops", "local-addresses", "ready-file", "release-file", "label");

  private final LongAdder disconnects = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder chatter = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private Ramp ramp;

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv, OPTIONS);
    int code;
    try (EventLoops el = new EventLoops(a.integer("event-loops", 1))) {
      code = new IdleConnections().run(el, a);
    }
    System.exit(code);
  }

  private int run(EventLoops el, Args a) throws Exception {
    String url = a.required("url");
    int n = a.integer("connections", 10_000);
    int seconds = a.integer("seconds", 30);
    int rooms = a.integer("rooms", 0);
    boolean login = a.bool("login", true);
    String prefix = a.string("name-prefix", "u");
    String label = a.string("label", "idle");
    String readyFile = a.string("ready-file", null);
    Path releaseFile = a.string("release-file", null) == null ? null : Path.of(a.string("release-file", null));
    if (n < 1 || seconds < 0 || seconds > 3600) throw new IllegalArgumentException("--connections >= 1, --seconds 0..3600");

    Connector connector = new Connector(el.vertx, url, a.integer("local-addresses", 0), n + 16);
    ClientConnection[] conns = new ClientConnection[n];
    for (int k = 0; k < n; k++) conns[k] = new ClientConnection(k, prefix + k, login, this);
    ramp = new Ramp(n, a.integer("ramp-concurrency", 256), k -> {
      WebSocketConnectOptions o = rooms > 0 ? connector.options(prefix + "r" + (k % rooms)) : connector.options();
      el.context(k).runOnContext(v -> conns[k].open(connector.newSocket(k), o));
    });

    System.out.printf(Locale.ROOT, "[%s] opening %d connections to %s%s%n", label, n, url,
        rooms > 0 ? " spread over " + rooms + " rooms" : "");
    double rampSeconds = ramp.run(label, a.integer("ramp-timeout", 300), System.out);
    int up = ramp.loggedIn();
    if (readyFile != null) Files.writeString(Path.of(readyFile), "up=" + up + "\n");

    long holdStart = System.nanoTime();
    long holdEnd = holdStart + TimeUnit.SECONDS.toNanos(seconds);
    long lastStatus = holdStart;
    while (System.nanoTime() < holdEnd && (releaseFile == null || !Files.exists(releaseFile))) {
      TimeUnit.MILLISECONDS.sleep(Math.min(250, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
      if (System.nanoTime() - lastStatus > TimeUnit.SECONDS.toNanos(10)) {
        lastStatus = System.nanoTime();
        System.out.printf(Locale.ROOT, "[%s]   holding: %d disconnects so far%n", label, disconnects.sum());
      }
    }
    long held = Math.round((System.nanoTime() - holdStart) / 1e9);
    int open = countReady(el, conns);
    System.out.printf(Locale.ROOT, "[%s] after %d s idle: %d of %d still open, %d disconnects, %d errors%s%n", label, held,
        open, up, disconnects.sum(), errors.sum(), firstError.get() == null ? "" : " (first: " + firstError.get() + ")");
    System.out.printf(Locale.ROOT, "RESULT label=%s connections=%d up=%d still_open=%d failed=%d disconnects=%d errors=%d ramp_s=%.1f held_s=%d%n",
        label, n, up, open, ramp.failedCount(), disconnects.sum(), errors.sum(), rampSeconds, held);
    for (int k = 0; k < n; k++) {
      ClientConnection c = conns[k];
      el.context(k).runOnContext(v -> c.close());
    }
    Thread.sleep(1000);
    return 0;
  }

  /** Connections still logged in, counted on their own event loops. */
  private static int countReady(EventLoops el, ClientConnection[] conns) throws Exception {
    List<io.vertx.core.Future<Integer>> parts = new ArrayList<>();
    for (int i = 0; i < el.size(); i++) {
      int loop = i;
      Promise<Integer> p = Promise.promise();
      el.context(i).runOnContext(v -> {
        int c = 0;
        for (int k = loop; k < conns.length; k += el.size()) if (conns[k].ready()) c++;
        p.complete(c);
      });
      parts.add(p.future());
    }
    int total = 0;
    for (var f : parts) total += f.await(30, TimeUnit.SECONDS);
    return total;
  }

  private void noteError(String what) {
    errors.increment();
    firstError.compareAndSet(null, what);
  }

  @Override
  public void loggedIn(ClientConnection c) {
    ramp.finished(true);
  }

  @Override
  public void loginFailed(ClientConnection c, String reason) {
    ramp.failed(c.name + ": " + reason);
  }

  @Override
  public void relayed(ClientConnection c, Inbound message) {
    chatter.increment();
  }

  @Override
  public void chatter(ClientConnection c, String type) {
    chatter.increment();
  }

  @Override
  public void serverError(ClientConnection c, Inbound message) {
    noteError("server error message: " + message);
  }

  @Override
  public void disconnected(ClientConnection c, boolean wasReady) {
    disconnects.increment();
  }

  @Override
  public void error(ClientConnection c, Throwable t) {
    noteError(String.valueOf(t));
  }
}
