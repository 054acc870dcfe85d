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
}
