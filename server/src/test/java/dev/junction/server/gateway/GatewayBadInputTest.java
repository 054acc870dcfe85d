package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.gateway.auth.PasswordHashes;
import dev.junction.gateway.auth.TokenService;
import dev.junction.media.peer.TestViewer;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the gateway API: each mistake gets its status with a JSON error body, and a viewer
 * watching the camera meanwhile keeps receiving video.
 */
class GatewayBadInputTest {

  private static final String VIEWER_PASSWORD = "bob-password-123";
  private static JunctionServer server;

  @BeforeAll
  static void start() {
    String hash = PasswordHashes.hash(VIEWER_PASSWORD);
    server = TestServers.startWithGateway(
        "gateway.users=[{username: bob, passwordHash: \"" + hash + "\", cameras: []},"
            + " {username: carol, passwordHash: \"" + hash + "\", cameras: [\"*\"]}]",
        "gateway.sessionsPerMinutePerUser=10");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static GatewayClient as(String user, String password) throws Exception {
    GatewayClient client = new GatewayClient(server.httpPort());
    assertThat(client.login(user, password).status()).isEqualTo(200);
    return client;
  }

  /** The error shape of every failure: JSON with httpCode, errorText and a code. */
  private static void assertError(GatewayClient.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(reply.body().path("error").path("httpCode").asInt()).isEqualTo(status);
    assertThat(reply.body().path("error").path("errorText").asText()).isNotBlank();
    assertThat(reply.body().path("message").asText()).isNotBlank();
    assertThat(reply.error()).isEqualTo(code);
  }

  @Test
  void everyMistakeGetsItsStatusAndAJsonBodyWhileAWatchingViewerKeepsItsVideo() throws Exception {
    GatewayClient demo = as("demo", TestServers.DEV_PASSWORD);
    GatewayClient.Reply watched = demo.createSession(TestServers.DEMO_CAMERA);
    try (TestViewer watcher = TestViewer.forOffer(GatewayClient.offerSdp(watched))) {
      assertThat(demo.answer(watched.body().get("sessionId").asText(), watcher.answer()).status()).isEqualTo(200);
      watcher.check(true);
      watcher.handshake(XProtectApiTest.fingerprintOf(GatewayClient.offerSdp(watched)));
      watcher.receiveRtp();

      GatewayClient.Reply created = demo.createSession(TestServers.DEMO_CAMERA);
      String id = created.body().get("sessionId").asText();
      assertError(demo.call("PATCH", "/api/REST/v1/WebRTC/Session/" + id, "{\"answerSDP\":\"not json\"}"),
          400, "bad_answer");
      assertError(demo.answer(id, "v=0\r\nthis is not sdp\r\n"), 400, "bad_answer");
      try (TestViewer passive = TestViewer.forOffer(GatewayClient.offerSdp(created))) {
        // an answer that would make the gateway the DTLS client
        assertError(demo.answer(id, passive.answer("passive")), 400, "bad_answer");
      }
      assertError(demo.call("PATCH", "/api/REST/v1/WebRTC/Session/" + id,
          "{\"answerSDP\":\"{\\\"type\\\":\\\"offer\\\",\\\"sdp\\\":\\\"v=0\\\"}\"}"), 400, "bad_answer");
      assertError(demo.call("PATCH", "/api/REST/v1/WebRTC/Session/" + id, "{}"), 400, "nothing_to_update");
      assertError(demo.call("POST", "/api/REST/v1/WebRTC/Session", "{\"deviceId\":"), 400, "bad_json");
      assertError(demo.call("POST", "/api/REST/v1/WebRTC/Session", "{}"), 400, "no_camera");
      assertError(demo.postCandidate(id, "{\"candidate\":\"candidate:garbage\"}"), 400, "bad_candidate");
      assertError(demo.postCandidate(id, "not json"), 400, "bad_candidate");

      String unknown = "00000000-0000-0000-0000-000000000000";
      assertError(demo.answer(unknown, "v=0"), 404, "unknown_session");
      assertError(demo.serverCandidates(unknown), 404, "unknown_session");
      assertError(demo.delete(unknown), 404, "unknown_session");
      assertError(demo.createSession(unknown), 404, "unknown_camera");

      GatewayClient anonymous = new GatewayClient(server.httpPort());
      assertError(anonymous.createSession(TestServers.DEMO_CAMERA), 401, "unauthorized");
      assertError(anonymous.withToken(forged()).serverCandidates(id), 401, "invalid_token");
      assertError(anonymous.withToken(expired()).createSession(TestServers.DEMO_CAMERA), 401, "invalid_token");
      assertError(as("bob", VIEWER_PASSWORD).createSession(TestServers.DEMO_CAMERA), 403, "no_access");
      // another user's session is not theirs to see
      assertError(as("carol", VIEWER_PASSWORD).serverCandidates(id), 404, "unknown_session");

      GatewayClient carol = as("carol", VIEWER_PASSWORD);
      GatewayClient.Reply last = null;
      for (int i = 0; i < 20 && (last == null || last.status() == 200); i++) {
        last = carol.createSession(TestServers.DEMO_CAMERA);
      }
      assertError(last, 429, "too_many_sessions");
      assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();

      // the watcher never noticed
      for (int i = 0; i < 20; i++) {
        assertThat(watcher.receiveRtp()).isNotNull();
      }
      assertThat(anonymous.call("GET", "/healthz", null).status()).isEqualTo(200);
    }
  }

  /** A token signed with another key. */
  private static String forged() {
    return new TokenService("another-key-entirely-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1), Duration.ofHours(1), Clock.systemUTC()).issue("demo", false).accessToken();
  }

  /** A token of the right key issued two hours ago for one hour. */
  private static String expired() {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    return new TokenService(TestServers.GATEWAY_TOKEN_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofHours(1),
        Duration.ofHours(1), past).issue("demo", false).accessToken();
  }
}
