package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transport limits: frame size, liveness, connections per address. */
class LimitsTest {

  private JunctionServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aSingleFrameOverTheLimitClosesWith1009() throws Exception {
    server = TestServers.start();
    try (RawWebSocket raw = new RawWebSocket(server.httpPort(), "/ws/mdn", "json", 5_000)) {
      // The header declares 1 MiB; the server must refuse on the header, before reading the payload.
      raw.sendFrameStart(RawWebSocket.OPCODE_TEXT, 1 << 20, "y".repeat(1024).getBytes(StandardCharsets.UTF_8));
      RawWebSocket.Frame close = raw.awaitClose();
      assertThat(close).isNotNull();
      assertThat(close.closeCode()).isEqualTo(1009);
    }
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosedAfterTheIdleTimeout() throws Exception {
    server = TestServers.start("signaling.pingIntervalSeconds=1", "signaling.idleTimeoutSeconds=2");
    try (RawWebSocket silent = new RawWebSocket(server.httpPort(), "/ws/tutorial", null, 6_000)) {
      boolean pinged = false;
      RawWebSocket.Frame frame;
      while ((frame = silent.readFrame()) != null && frame.opcode() != RawWebSocket.OPCODE_CLOSE) {
        pinged |= frame.opcode() == RawWebSocket.OPCODE_PING;
      }
      assertThat(pinged).as("pinged before being closed").isTrue();
      assertThat(frame).isNotNull();
      assertThat(frame.closeCode()).isEqualTo(1001);
    }
  }

  @Test
  void aClientThatAnswersPingsStaysConnectedPastTheIdleTimeout() throws Exception {
    server = TestServers.start("signaling.pingIntervalSeconds=1", "signaling.idleTimeoutSeconds=2");
    try (WsClient client = WsClient.connect("ws://127.0.0.1:" + server.httpPort() + "/ws/tutorial")) {
      Thread.sleep(4_000);
      assertThat(client.isOpen()).isTrue();
      client.send("{\"type\":\"login\",\"username\":\"still-here\"}");
      assertThat(client.next("login").get("success").asBoolean()).isTrue();
    }
  }

  @Test
  void connectionsPastThePerAddressLimitAreRefusedWith429() throws Exception {
    server = TestServers.start("signaling.maxConnectionsPerIp=2");
    String url = "ws://127.0.0.1:" + server.httpPort() + "/ws/tutorial";
    List<WsClient> open = new ArrayList<>();
    try {
      open.add(WsClient.connect(url));
      open.add(WsClient.connect(url));
      assertThatThrownBy(() -> WsClient.connect(url))
          .hasCauseInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
              .isEqualTo(429));
      // A closed connection frees its place.
      open.remove(0).close();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> server.openSockets() == 1);
      open.add(WsClient.connect(url));
    } finally {
      open.forEach(WsClient::close);
    }
  }

  @Test
  void aClientThatStopsReadingLosesItsConnectionAndItsSenderIsNotHarmed() throws Exception {
    server = TestServers.start("signaling.messagesPerSecond=100000", "signaling.messageBurst=100000",
        "signaling.bytesPerSecond=1000000000", "signaling.byteBurst=1000000000");
    String url = "ws://127.0.0.1:" + server.httpPort() + "/ws/tutorial";
    try (RawWebSocket stalled = new RawWebSocket(server.httpPort(), "/ws/tutorial", null, 10_000, 64 * 1024);
        WsClient sender = WsClient.connect(url)) {
      stalled.sendFrame(RawWebSocket.OPCODE_TEXT,
          "{\"type\":\"login\",\"name\":\"stalled\"}".getBytes(StandardCharsets.UTF_8));
      sender.send("{\"type\":\"login\",\"name\":\"sender\"}");
      assertThat(sender.next("login").get("success").asBoolean()).isTrue();

      // 60 KB offers until the server gives up on the reader that never reads: once the kernel's
      // buffers on both sides are full (the server's send buffer grows to tcp_wmem's 4 MiB at
      // most), what waits in the server passes its limit. 400 offers (24 MB) are far more than enough.
      String offer = "{\"type\":\"offer\",\"name\":\"stalled\",\"offer\":{\"type\":\"offer\",\"sdp\":\""
          + "a".repeat(60_000) + "\"}}";
      for (int i = 0; i < 400 && server.openSockets() == 2; i++) {
        sender.send(offer);
        Thread.sleep(2);
      }
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
          .until(() -> server.openSockets() == 1);

      // No close frame: it would wait behind everything unread. The client sees the offers that
      // reached its buffers, then the end of the connection.
      assertThat(stalled.awaitClose()).isNull();
      assertThat(sender.isOpen()).isTrue();
      sender.send("{\"type\":\"still-there\"}");
      assertThat(sender.next("error").get("message").asText()).contains("still-there");
      String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).containsPattern(
          "junction_signaling_errors_total\\{dialect=\"tutorial\",kind=\"slow_consumer\"} 1");
    }
  }
}
