package dev.junction.bench.rooms;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark peer of {@code bench/peers/ws-relay} run as a Node process on a loopback port the OS
 * picks (the script is given port 0 and prints the one it got). A test that needs it is skipped,
 * saying what to install, when {@code node} is not on the PATH or the peer's {@code ws} package was
 * not installed ({@code npm ci} in that directory: node_modules is not committed).
 */
final class NodePeer implements AutoCloseable {

  /** The peers, from the bench module's directory (where Maven runs its tests). */
  static final Path PEER_DIR = Path.of("peers", "ws-relay");
  private static final Pattern LISTENING = Pattern.compile("listening on https?://127\\.0\\.0\\.1:(\\d+)");
  private static final long START_TIMEOUT_SECONDS = 15;

  private final Process process;
  private final int port;
  /** Everything the peer printed so far (its reader thread keeps appending). */
  private final StringBuffer output;

  private NodePeer(Process process, int port, StringBuffer output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Starts {@code node <script> 0} with {@code env} added to the environment; skips the test without node or ws. */
  static NodePeer start(String script, Map<String, String> env) throws IOException, InterruptedException {
    assumeTrue(nodeRuns(), "node is not on the PATH (apt-get install -y nodejs)");
    assumeTrue(Files.isDirectory(PEER_DIR.resolve("node_modules/ws")),
        "the peer's ws package is missing: run npm ci --no-audit --no-fund in bench/peers/ws-relay");
    ProcessBuilder builder = new ProcessBuilder("node", PEER_DIR.resolve(script).toString(), "0")
        .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StringBuffer seen = new StringBuffer();
    Thread reader = new Thread(() -> copyLines(process, lines, seen), "node-peer-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      Matcher m = line == null ? null : LISTENING.matcher(line);
      if (m != null && m.find()) {
        return new NodePeer(process, Integer.parseInt(m.group(1)), seen);
      }
      if (line == null && !process.isAlive()) break;
    }
    process.destroyForcibly();
    throw new IllegalStateException("the peer " + script + " did not start within " + START_TIMEOUT_SECONDS
        + " s; it printed: " + seen);
  }

  private static void copyLines(Process process, BlockingQueue<String> lines, StringBuffer seen) {
    var stdout = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
    try (BufferedReader in = new BufferedReader(stdout)) {
      for (String line; (line = in.readLine()) != null; ) {
        seen.append(line).append('\n');
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended: nothing more to read
    }
  }

  private static boolean nodeRuns() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What the peer has printed (stdout and stderr). */
  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
