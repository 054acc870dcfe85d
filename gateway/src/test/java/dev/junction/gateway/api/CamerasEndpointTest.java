package dev.junction.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.gateway.auth.BearerAuthentication;
import dev.junction.gateway.auth.GatewayUser;
import dev.junction.gateway.auth.TokenService;
import dev.junction.gateway.camera.Camera;
import dev.junction.gateway.camera.CameraCatalog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every gateway call needs a valid bearer token; the camera list shows only what the caller may see. */
class CamerasEndpointTest {

  private static final String LOBBY = "0b7c2c4a-8d1e-4f6a-9f3e-1a2b3c4d5e6f";
  private static final String GARAGE = "7E5D4C3B-2A19-4F08-8E7D-6C5B4A392817";
  private static final TokenService TOKENS = new TokenService(
      "a-token-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Duration.ofDays(1),
      Clock.systemUTC());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Map<String, GatewayUser> users = Map.of(
        "alice", new GatewayUser("alice", "unused", Set.of("*")),
        "bob", new GatewayUser("bob", "unused", Set.of(GARAGE)));
    CameraCatalog catalog = new CameraCatalog(List.of(new Camera(LOBBY, "Lobby", "lobby.h264"),
        new Camera(GARAGE, "Garage", "garage.h264")));
    Router router = Router.router(vertx);
    router.get("/api/cameras").handler(new BearerAuthentication(users, TOKENS)).handler(new CamerasEndpoint(catalog));
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get().actualPort();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private static HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cameras"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachUserSeesTheCamerasTheyMayView() throws Exception {
    JsonNode alice = JSON.readTree(get("Bearer " + TOKENS.issue("alice", false).accessToken()).body());
    assertThat(alice.get("cameras")).hasSize(2);
    JsonNode bob = JSON.readTree(get("Bearer " + TOKENS.issue("bob", false).accessToken()).body());
    assertThat(bob.get("cameras")).hasSize(1);
    assertThat(bob.get("cameras").get(0).get("id").asText()).isEqualTo(GARAGE.toLowerCase());
    assertThat(bob.get("cameras").get(0).get("name").asText()).isEqualTo("Garage");
  }

  @Test
  void aMissingForgedOrExpiredTokenIs401WithAJsonBody() throws Exception {
    TokenService expired = new TokenService("a-token-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1), Duration.ofDays(1), Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
    TokenService forger = new TokenService("not-the-gateways-key-32-bytes-xx!!".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1), Duration.ofDays(1), Clock.systemUTC());
    for (String authorization : new String[] {null, "Basic YWxpY2U6eA==", "Bearer " + forger.issue("alice", false).accessToken(),
        "Bearer " + expired.issue("alice", false).accessToken(), "Bearer " + TOKENS.issue("mallory", false).accessToken()}) {
      HttpResponse<String> response = get(authorization);
      assertThat(response.statusCode()).as("%s", authorization).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(JSON.readTree(response.body()).get("message").asText()).isNotBlank();
    }
  }
}
