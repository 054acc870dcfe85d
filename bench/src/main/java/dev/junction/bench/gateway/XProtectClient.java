package dev.junction.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The gateway's XProtect-compatible REST calls a viewer makes (specs/xprotect-webrtc-api.md): a
 * token by the password grant, a session (the offer), the answer. Asynchronous, so that hundreds
 * of viewers can be set up from a couple of threads. Thread-safe after {@link #login}.
 */
final class XProtectClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String api;
  private volatile String bearer;

  /** @param api the API base, e.g. {@code http://127.0.0.1:8080/api} */
  XProtectClient(String api) {
    this.api = api;
  }

  void login(String username, String password) throws IOException, InterruptedException {
    String form = "grant_type=password&client_id=GrantValidatorClient&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/IDP/connect/token")).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    bearer = expect200(http.send(request, HttpResponse.BodyHandlers.ofString())).get("access_token").asText();
  }

  /** The bearer token from {@link #login}. */
  String token() {
    return bearer;
  }

  /** Viewer sessions of one camera through this client. */
  ViewerSignaling camera(String cameraId) {
    return new ViewerSignaling() {
      @Override
      public CompletableFuture<Session> open() {
        return createSession(cameraId);
      }

      @Override
      public CompletableFuture<?> answer(String sessionId, String answerSdp) {
        return XProtectClient.this.answer(sessionId, answerSdp);
      }
    };
  }

  /** A new session: its id and the offer's SDP, unwrapped from the JSON string XProtect sends. */
  CompletableFuture<ViewerSignaling.Session> createSession(String cameraId) {
    String body = JSON.createObjectNode().put("deviceId", cameraId).put("resolution", "notInUse").toString();
    return call("POST", "/REST/v1/WebRTC/Session", body).thenApply(reply -> {
      try {
        String offer = JSON.readTree(reply.get("offerSDP").asText()).get("sdp").asText();
        return new ViewerSignaling.Session(reply.get("sessionId").asText(), offer);
      } catch (IOException e) {
        throw new CompletionException(new IOException("offerSDP is not a JSON description: " + e.getMessage(), e));
      }
    });
  }

  /** PATCHes the answer as the XProtect sample does: JSON.stringify({type: "answer", sdp}). */
  CompletableFuture<JsonNode> answer(String sessionId, String sdp) {
    String description = JSON.createObjectNode().put("type", "answer").put("sdp", sdp).toString();
    return call("PATCH", "/REST/v1/WebRTC/Session/" + sessionId,
        JSON.createObjectNode().put("answerSDP", description).toString());
  }

  private CompletableFuture<JsonNode> call(String method, String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      try {
        return expect200(response);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    });
  }

  private static JsonNode expect200(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException(response.request().method() + " " + response.uri().getPath() + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
