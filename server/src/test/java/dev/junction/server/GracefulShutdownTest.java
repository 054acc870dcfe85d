package dev.junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.server.signaling.WsClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real launcher in its own JVM, stopped the way systemd, Docker and Kubernetes stop it: with
 * SIGTERM. Open WebSockets get close code 1001 and the process exits well within 5 seconds.
 */
class GracefulShutdownTest {

  private static final Pattern HTTP_URL = Pattern.compile("http://localhost:(\\d+)/$");

  @Test
  void sigtermClosesSocketsWith1001AndExitsWithinFiveSeconds() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.junction.server.cli.Main", "run", "--set", "http.host=127.0.0.1", "--set", "http.port=0",
        "--set", "mdn.port=0", "--set", "turn.listenHost=127.0.0.1", "--set", "turn.port=0",
        "--set", "turn.secrets=[\"" + TestServers.TURN_SECRET + "\"]", "--set", "gateway.enabled=false",
        "--set", "native.auth.hs256Secrets=[\"" + TestServers.NATIVE_SECRET + "\"]")
        .redirectErrorStream(true)
        .start();
    try {
      int port = awaitPort(process);
      assertThat(httpStatus(port, "/healthz")).isEqualTo(200);
      try (WsClient mdn = WsClient.connect("ws://127.0.0.1:" + port + "/ws/mdn", "json");
          WsClient tutorial = WsClient.connect("ws://127.0.0.1:" + port + "/ws/tutorial")) {
        mdn.next("id");
        tutorial.send("{\"type\":\"login\",\"username\":\"alice\"}").next("login");

        long signalled = System.nanoTime();
        process.destroy(); // SIGTERM on Linux
        assertThat(mdn.closeCode()).isEqualTo(1001);
        assertThat(tutorial.closeCode()).isEqualTo(1001);
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("exited within 5 s of SIGTERM").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled)).isLessThan(5_000);
      }
      // 143 = 128 + SIGTERM: the JVM's normal status after its shutdown hooks ran.
      assertThat(process.exitValue()).isEqualTo(143);
    } finally {
      process.destroyForcibly();
    }
  }

  /** Reads the launcher's banner until it prints the page URL with the port it bound. */
  private static int awaitPort(Process process) throws Exception {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      Matcher url = HTTP_URL.matcher(line.trim());
      if (url.find()) {
        int port = Integer.parseInt(url.group(1));
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "launcher-output");
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("the launcher exited before printing its URL, status " + process.waitFor());
  }

  private static int httpStatus(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

}
