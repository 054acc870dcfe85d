package dev.junction.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main port's HTTP surface: health, metrics, ICE servers, the web apps, and problem+json errors. */
class HttpApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JunctionServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start("ice.servers=[{\"urls\":[\"stun:stun.example.org:3478\"]},"
        + "{\"urls\":[\"turn:turn.example.org:3478?transport=udp\"],\"username\":\"u\",\"credential\":\"p\"}]");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersOk() throws Exception {
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void metricsExposeSignalingMetersForEveryDialectFromTheStart() throws Exception {
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("junction_signaling_connections{dialect=\"mdn\"}")
        .contains("junction_signaling_connections{dialect=\"tutorial\"}")
        .contains("junction_signaling_connections{dialect=\"apprtc\"}")
        .contains("junction_signaling_room_joins_total{dialect=\"apprtc\"}")
        .contains("junction_signaling_messages_relayed_total{dialect=\"mdn\"}")
        .contains("junction_signaling_errors_total{dialect=\"tutorial\",kind=\"rate_limited\"}")
        .contains("junction_turn_allocations ", "junction_turn_permissions ", "junction_turn_channels ")
        .contains("junction_turn_allocations_opened_total", "junction_turn_permissions_installed_total")
        .contains("junction_turn_relayed_packets_total{direction=\"to_peer\"}")
        .contains("junction_turn_rejections_total{reason=\"forbidden_peer\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void iceServersAreTheBuiltInStunAndTurnWithFreshCredentialsThenTheConfiguredOnes() throws Exception {
    HttpResponse<String> response = get("/api/ice-servers");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode servers = JSON.readTree(response.body()).get("iceServers");
    assertThat(servers).hasSize(4);
    int port = server.turnPort();
    assertThat(servers.get(0).get("urls").get(0).asText()).isEqualTo("stun:127.0.0.1:" + port);
    JsonNode turn = servers.get(1);
    assertThat(turn.get("urls").toString()).contains("turn:127.0.0.1:" + port + "?transport=udp",
        "turn:127.0.0.1:" + port + "?transport=tcp");
    // coturn's REST scheme: expiry:user, password = base64(HMAC-SHA1(secret, username)).
    String username = turn.get("username").asText();
    long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
    assertThat(expiry - java.time.Instant.now().getEpochSecond()).isBetween(3590L, 3600L);
    assertThat(username).endsWith(":127.0.0.1");
    assertThat(new dev.junction.turn.RestCredentials(java.util.List.of(dev.junction.server.TestServers.TURN_SECRET))
        .passwordsFor(username, java.time.Instant.now()).orElseThrow()).containsExactly(turn.get("credential").asText());
    assertThat(servers.get(2).get("urls").get(0).asText()).isEqualTo("stun:stun.example.org:3478");
    assertThat(servers.get(2).has("username")).isFalse();
    assertThat(servers.get(3).get("username").asText()).isEqualTo("u");
  }

  @Test
  void theLandingPageAndTheChatAppAreServed() throws Exception {
    HttpResponse<String> landing = get("/");
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(landing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    HttpResponse<String> bare = get("/chat");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("/chat/");
    assertThat(get("/chat/").statusCode()).isEqualTo(200);
    assertThat(get("/js/junction.js").headers().firstValue("Content-Type").orElse("")).contains("javascript");
  }

  @Test
  void aRoomLinkIsItsAppsPageAndOnlyValidRoomNamesAreLinks() throws Exception {
    for (String app : new String[] {"room", "share"}) {
      HttpResponse<String> link = get("/" + app + "/team-1_b");
      assertThat(link.statusCode()).isEqualTo(200);
      assertThat(link.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(link.body()).isEqualTo(get("/" + app + "/").body()).contains("/" + app + "/" + app + "-page.js");
      assertThat(get("/" + app).headers().firstValue("Location").orElse("")).endsWith("/" + app + "/");
      assertThat(get("/" + app + "/" + app + "-page.js").headers().firstValue("Content-Type").orElse(""))
          .as("the app's own files are not room links").contains("javascript");
      assertThat(get("/" + app + "/not.a.room").statusCode()).isEqualTo(404);
      assertThat(get("/" + app + "/" + "x".repeat(65)).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void anUnknownPathIsAProblemJson404() throws Exception {
    HttpResponse<String> missing = get("/api/nothing-here?token=secret");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(missing.body());
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("title").asText()).isEqualTo("Not Found");
    assertThat(problem.get("detail").asText()).contains("/api/nothing-here").doesNotContain("secret");
  }

  @Test
  void aWrongMethodIsAProblemJson() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/ice-servers"))
            .DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isIn(404, 405);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
  }
}
