package dev.junction.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth2 token endpoint as XProtect clients call it: form posts, password and refresh grants. */
class TokenEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TokenService TOKENS = new TokenService(
      "a-token-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Duration.ofDays(1),
      Clock.systemUTC());
  private static Vertx vertx;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.post("/IDP/connect/token").handler(BodyHandler.create().setBodyLimit(16_384))
        .handler(new TokenEndpoint(Map.of("alice", new GatewayUser("alice", PasswordHashes.hash("s3cret"), Set.of("*"))),
            TOKENS));
    // a second endpoint of its own, so its throttle does not slow the other tests
    router.post("/throttled/token").handler(BodyHandler.create().setBodyLimit(16_384))
        .handler(new TokenEndpoint(Map.of("alice", new GatewayUser("alice", PasswordHashes.hash("s3cret"), Set.of("*"))),
            TOKENS));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get();
    port = server.actualPort();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private static HttpResponse<String> post(String form) throws Exception {
    return post("/IDP/connect/token", form);
  }

  private static HttpResponse<String> post(String path, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void grantValidatorClientGetsAnHourLongBearerTokenWithoutRefresh() throws Exception {
    HttpResponse<String> response = post("grant_type=password&username=alice&password=s3cret&client_id=GrantValidatorClient");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(TOKENS.verify(body.get("access_token").asText(), TokenService.Use.ACCESS)).contains("alice");
  }

  @Test
  void vmsClientAlsoGetsARefreshTokenThatBuysANewAccessToken() throws Exception {
    JsonNode first = JSON.readTree(post("grant_type=password&username=alice&password=s3cret&client_id=VmsClient").body());
    String refresh = first.get("refresh_token").asText();
    HttpResponse<String> refreshed = post("grant_type=refresh_token&refresh_token=" + refresh + "&client_id=VmsClient");
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(TOKENS.verify(JSON.readTree(refreshed.body()).get("access_token").asText(), TokenService.Use.ACCESS))
        .contains("alice");
    // An access token is not a refresh token.
    HttpResponse<String> misuse = post("grant_type=refresh_token&refresh_token=" + first.get("access_token").asText()
        + "&client_id=VmsClient");
    assertThat(JSON.readTree(misuse.body()).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void errorsAreOAuth2Json() throws Exception {
    assertError(post("grant_type=password&username=alice&password=wrong&client_id=GrantValidatorClient"), "invalid_grant");
    assertError(post("grant_type=password&username=nobody&password=s3cret&client_id=GrantValidatorClient"), "invalid_grant");
    assertError(post("grant_type=password&username=alice&password=s3cret&client_id=Other"), "invalid_client");
    assertError(post("grant_type=client_credentials&client_id=VmsClient"), "unsupported_grant_type");
    assertError(post("client_id=VmsClient"), "invalid_request");
    assertError(post("grant_type=password&client_id=VmsClient"), "invalid_request");
  }

  @Test
  void tenFailedLoginsFromOneAddressMakeItWaitEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(post("/throttled/token", "grant_type=password&username=alice&password=guess" + i
          + "&client_id=GrantValidatorClient").statusCode()).isEqualTo(400);
    }
    HttpResponse<String> refused = post("/throttled/token",
        "grant_type=password&username=alice&password=s3cret&client_id=GrantValidatorClient");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("too_many_attempts");
  }

  private static void assertError(HttpResponse<String> response, String error) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("error_description").asText()).isNotBlank();
  }
}
