package dev.junction.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An XProtect REST client as the official sample behaves (specs/xprotect-webrtc-api.md §2): a
 * token from the IDP, then JSON calls with {@code Authorization: Bearer}. Answers are returned as
 * they came, status and body, for the test to judge.
 */
final class GatewayClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: its status and JSON body (null when empty). */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String error() {
      return body.path("error").path("code").asText();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String token;

  GatewayClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Logs in with the password grant; returns the token reply. */
  Reply login(String username, String password) throws Exception {
    Reply reply = form("/api/IDP/connect/token", "grant_type=password&username=" + encode(username)
        + "&password=" + encode(password) + "&client_id=GrantValidatorClient");
    if (reply.status() == 200) {
      token = reply.body().get("access_token").asText();
    }
    return reply;
  }

  GatewayClient withToken(String bearer) {
    this.token = bearer;
    return this;
  }

  String token() {
    return token;
  }

  Reply createSession(String cameraId) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("deviceId", cameraId).put("resolution", "notInUse");
    body.putArray("iceServers");
    return call("POST", "/api/REST/v1/WebRTC/Session", body.toString());
  }

  /** PATCHes the answer wrapped as the sample does: JSON.stringify({type:'answer', sdp}). */
  Reply answer(String sessionId, String sdp) throws Exception {
    String description = JSON.createObjectNode().put("type", "answer").put("sdp", sdp).toString();
    return call("PATCH", "/api/REST/v1/WebRTC/Session/" + sessionId,
        JSON.createObjectNode().put("answerSDP", description).toString());
  }

  Reply serverCandidates(String sessionId) throws Exception {
    return call("GET", "/api/REST/v1/WebRTC/IceCandidates/" + sessionId, null);
  }

  Reply postCandidate(String sessionId, String candidateInitJson) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("candidates").add(candidateInitJson);
    return call("POST", "/api/REST/v1/WebRTC/IceCandidates/" + sessionId, body.toString());
  }

  Reply delete(String sessionId) throws Exception {
    return call("DELETE", "/api/REST/v1/WebRTC/Session/" + sessionId, null);
  }

  /** The SDP inside a session's offerSDP, which is itself a JSON string. */
  static String offerSdp(Reply created) throws IOException {
    JsonNode offer = JSON.readTree(created.body().get("offerSDP").asText());
    return offer.get("sdp").asText();
  }

  Reply call(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private Reply form(String path, String form) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .timeout(Duration.ofSeconds(10))
        .build();
    return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static Reply reply(HttpResponse<String> response) throws IOException {
    String body = response.body();
    return new Reply(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body), response);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
