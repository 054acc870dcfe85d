package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent WebRTC implementation, libwebrtc through webrtc-java, runs the XProtect REST flow
 * against the gateway and decodes the demo camera at its resolution.
 */
class WebRtcJavaGatewayTest {

  private static JunctionServer server;

  @BeforeAll
  static void start() {
    server = TestServers.startWithGateway();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void libwebrtcDecodesTheDemoCameraAt640x360() throws Exception {
    GatewayClient client = new GatewayClient(server.httpPort());
    assertThat(client.login("demo", TestServers.DEV_PASSWORD).status()).isEqualTo(200);
    GatewayClient.Reply created = client.createSession(TestServers.DEMO_CAMERA);
    assertThat(created.status()).isEqualTo(200);
    String id = created.body().get("sessionId").asText();

    try (WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      String answer = viewer.answer(GatewayClient.offerSdp(created));
      assertThat(client.answer(id, answer).status()).isEqualTo(200);
      for (String candidate : viewer.awaitLocalCandidates(Duration.ofSeconds(5))) {
        assertThat(client.postCandidate(id, candidate).status()).isEqualTo(200);
      }
      for (JsonNode candidate : client.serverCandidates(id).body().get("candidates")) {
        viewer.addRemoteCandidate(candidate.asText());
      }

      WebRtcJavaViewer.DecodedVideo video = viewer.awaitFrames(30, Duration.ofSeconds(15));
      assertThat(video.frames()).isGreaterThanOrEqualTo(30);
      assertThat(video.width()).isEqualTo(640);
      assertThat(video.height()).isEqualTo(360);
      assertThat(viewer.inboundVideo()).hasValueSatisfying(stats -> assertThat(stats.codec()).contains("H264"));
    }
  }
}
