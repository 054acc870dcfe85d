package dev.junction.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The request log: a line per answered request at INFO, except signaling carried over HTTP
 * (AppRTC's room API), which is logged at DEBUG as the same messages over a WebSocket are.
 */
class RequestLogTest {

  private final Logger httpLog = (Logger) LoggerFactory.getLogger("dev.junction.http");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level levelBefore;
  private JunctionServer server;

  @BeforeEach
  void listen() {
    levelBefore = httpLog.getLevel();
    httpLog.setLevel(Level.DEBUG);
    lines.start();
    httpLog.addAppender(lines);
  }

  @AfterEach
  void stop() {
    httpLog.detachAppender(lines);
    httpLog.setLevel(levelBefore);
    if (server != null) {
      server.stop();
    }
  }

  private int request(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The level of the one line logged for {@code path}, waiting for it (the line is written after the answer). */
  private Level levelOf(String path) {
    await().atMost(Duration.ofSeconds(5)).until(() -> logged(path).size() == 1);
    return logged(path).get(0).getLevel();
  }

  private List<ILoggingEvent> logged(String path) {
    synchronized (lines.list) {
      return lines.list.stream().filter(e -> e.getFormattedMessage().contains(" " + path + " ")).toList();
    }
  }

  @Test
  void pagesAndApisAreLoggedAtInfoAndAppRtcSignalingAtDebug() throws Exception {
    server = TestServers.start();
    assertThat(request("GET", "/api/ice-servers")).isEqualTo(200);
    assertThat(request("POST", "/apprtc/join/logroom")).isEqualTo(200);
    assertThat(request("GET", "/apprtc/params")).isEqualTo(200);

    assertThat(levelOf("/api/ice-servers")).isEqualTo(Level.INFO);
    assertThat(levelOf("/apprtc/join/logroom")).isEqualTo(Level.DEBUG);
    assertThat(levelOf("/apprtc/params")).isEqualTo(Level.INFO);
  }

  @Test
  void atTheDefaultLevelSignalingLeavesNoLineAndPagesStillDo() throws Exception {
    httpLog.setLevel(Level.INFO);
    server = TestServers.start();
    assertThat(request("POST", "/apprtc/join/quietroom")).isEqualTo(200);
    assertThat(request("GET", "/api/ice-servers")).isEqualTo(200);

    assertThat(levelOf("/api/ice-servers")).isEqualTo(Level.INFO);
    assertThat(logged("/apprtc/join/quietroom")).isEmpty();
  }
}
