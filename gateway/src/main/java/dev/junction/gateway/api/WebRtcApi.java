package dev.junction.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.gateway.auth.BearerAuthentication;
import dev.junction.gateway.auth.GatewayUser;
import dev.junction.gateway.auth.TokenService;
import dev.junction.gateway.camera.Camera;
import dev.junction.gateway.camera.CameraCatalog;
import dev.junction.gateway.session.ViewerSession;
import dev.junction.gateway.session.ViewerSessions;
import dev.junction.gateway.stream.CameraFeed;
import dev.junction.gateway.stream.CameraFeeds;
import dev.junction.media.sdp.Candidate;
import dev.junction.media.sdp.SdpException;
import dev.junction.media.sdp.SdpParseException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XProtect-compatible WebRTC REST API (specs/xprotect-webrtc-api.md §1 and §8): the server
 * offers, the client answers with PATCH, both sides' candidates go through IceCandidates, and
 * DELETE ends a session. Also the 2022 R3 {@code /WebRTC/v1} routes. Every route is matched
 * without regard to case, as IIS does, and every answer is JSON.
 *
 * <p>Candidates: the server is ICE-lite, so its candidates are all in the offer and GET returns
 * the same list every time; the browser's are accepted (before or after the answer), checked and
 * kept, but a lite agent needs none of them: the browser's checks reach the media port from every
 * address worth using.
 */
public final class WebRtcApi {

  private static final Logger log = LoggerFactory.getLogger(WebRtcApi.class);
  /** Bodies are small JSON: an SDP answer is a few kilobytes. */
  static final int MAX_BODY = 64 * 1024;
  private static final String ID = "([^/]+)";

  private final CameraCatalog catalog;
  private final CameraFeeds feeds;
  private final ViewerSessions sessions;
  private final TokenService tokens;

  public WebRtcApi(CameraCatalog catalog, CameraFeeds feeds, ViewerSessions sessions, TokenService tokens) {
    this.catalog = catalog;
    this.feeds = feeds;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /**
   * Adds the routes under {@code base} (e.g. {@code /api}), each behind {@code authentication}.
   */
  public void mount(Router router, String base, Handler<RoutingContext> authentication) {
    String rest = Pattern.quote(base) + "/REST/v1/WebRTC";
    String legacy = Pattern.quote(base) + "/WebRTC/v1";
    route(router, authentication, HttpMethod.POST, rest + "/Session/?", this::create);
    for (HttpMethod method : List.of(HttpMethod.PATCH, HttpMethod.PUT)) {
      route(router, authentication, method, rest + "/Session/" + ID, c -> update(c, c.pathParam("param0")));
      // the 2023 R1 sample's token refresh used this path (a bug its next release fixed)
      route(router, authentication, method, rest + "/WebRTCSession/" + ID, c -> update(c, c.pathParam("param0")));
    }
    route(router, authentication, HttpMethod.DELETE, rest + "/Session/" + ID, c -> delete(c, c.pathParam("param0")));
    route(router, authentication, HttpMethod.GET, rest + "/IceCandidates/" + ID,
        c -> serverCandidates(c, c.pathParam("param0")));
    route(router, authentication, HttpMethod.POST, rest + "/IceCandidates/" + ID,
        c -> clientCandidates(c, c.pathParam("param0")));

    route(router, authentication, HttpMethod.POST, legacy + "/WebRTCSession/?", this::create);
    route(router, authentication, HttpMethod.PUT, legacy + "/WebRTCSession/?", c -> update(c, null));
    route(router, authentication, HttpMethod.GET, legacy + "/IceCandidates/" + ID,
        c -> serverCandidates(c, c.pathParam("param0")));
    route(router, authentication, HttpMethod.POST, legacy + "/IceCandidates/?", c -> clientCandidates(c, null));
  }

  private static void route(Router router, Handler<RoutingContext> authentication, HttpMethod method, String regex,
      Handler<RoutingContext> handler) {
    router.routeWithRegex(method, "(?i)" + regex)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
        .handler(authentication)
        .handler(handler);
  }

  // ---- POST Session ----

  private void create(RoutingContext context) {
    GatewayUser user = BearerAuthentication.user(context);
    SessionRequest request;
    try {
      request = LenientJson.read(context.body().asString(), SessionRequest.class);
    } catch (JsonProcessingException e) {
      ApiErrors.send(context, 400, "bad_json", "the body is not the JSON of a session request: " + firstLine(e));
      return;
    }
    String cameraId = request.camera();
    if (cameraId == null || cameraId.isBlank()) {
      ApiErrors.send(context, 400, "no_camera", "name the camera in deviceId (or cameraId)");
      return;
    }
    Optional<Camera> camera = catalog.find(cameraId);
    if (camera.isEmpty()) {
      ApiErrors.send(context, 404, "unknown_camera", "there is no camera with id " + cameraId);
      return;
    }
    if (!user.maySee(camera.get().id())) {
      ApiErrors.send(context, 403, "no_access", "user " + user.username() + " has no access to camera " + cameraId);
      return;
    }
    if (request.playbackTimeNode() != null && !request.playbackTimeNode().isNull()) {
      ApiErrors.send(context, 400, "no_playback", "this gateway streams live video only; omit playbackTimeNode");
      return;
    }
    if (request.streamId() != null && !request.streamId().isBlank()) {
      ApiErrors.send(context, 400, "unknown_stream", "camera " + cameraId
          + " has a single stream; omit streamId (got " + request.streamId() + ")");
      return;
    }
    if (!request.iceServersOrEmpty().stream().allMatch(SessionRequest.IceServer::hasUrl)) {
      ApiErrors.send(context, 400, "bad_ice_server", "every entry of iceServers needs a url or urls");
      return;
    }
    CameraFeed feed = feeds.find(camera.get().id()).orElseThrow();
    ViewerSession session;
    try {
      session = sessions.create(user.username(), feed, echo(request, camera.get()));
    } catch (ViewerSessions.LimitExceeded e) {
      context.response().putHeader("Retry-After", "60");
      ApiErrors.send(context, 429, "too_many_sessions", e.getMessage());
      return;
    }
    log.info("{}: created for {}", session, context.request().remoteAddress());
    json(context, 200, resource(session));
  }

  /** The request's fields as the response echoes them (§1.1): camelCase, the camera's own id. */
  private static Map<String, Object> echo(SessionRequest request, Camera camera) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("cameraId", camera.id());
    echo.put("deviceId", camera.id());
    echo.put("resolution", request.resolution() == null ? "notInUse" : request.resolution());
    echo.put("streamId", null);
    echo.put("playbackTimeNode", null);
    JsonArray servers = new JsonArray();
    for (SessionRequest.IceServer s : request.iceServersOrEmpty()) {
      JsonObject entry = new JsonObject();
      if (s.url() != null) {
        entry.put("url", s.url());
      }
      if (s.urls() != null) {
        entry.put("urls", new JsonArray(s.urls()));
      }
      if (s.username() != null) {
        entry.put("username", s.username());
      }
      servers.add(entry); // the credential is write-only, like the token
    }
    echo.put("iceServers", servers);
    echo.put("includeAudio", request.includeAudioOrDefault());
    return echo;
  }

  private static JsonObject resource(ViewerSession session) {
    JsonObject body = new JsonObject()
        .put("sessionId", session.id())
        .put("offerSDP", new JsonObject().put("type", "offer").put("sdp", session.offerSdp()).encode())
        .put("answerSDP", session.answer().orElse(null));
    session.request().forEach(body::put);
    return body;
  }

  // ---- PATCH / PUT Session ----

  /** @param pathId the id from the path; null for the 2022 R3 PUT, whose body carries it */
  private void update(RoutingContext context, String pathId) {
    UpdateRequest request;
    try {
      request = LenientJson.read(context.body().asString(), UpdateRequest.class);
    } catch (JsonProcessingException e) {
      ApiErrors.send(context, 400, "bad_json", "the body is not the JSON of a session update: " + firstLine(e));
      return;
    }
    Optional<ViewerSession> found = ownSession(context, pathId != null ? pathId : request.sessionId());
    if (found.isEmpty()) {
      return;
    }
    ViewerSession session = found.get();
    boolean hasAnswer = request.answerSDP() != null && !request.answerSDP().isBlank();
    boolean hasToken = request.token() != null && !request.token().isBlank();
    if (!hasAnswer && !hasToken) {
      ApiErrors.send(context, 400, "nothing_to_update", "send answerSDP (the answer) or token (a refreshed token)");
      return;
    }
    if (hasToken) {
      Optional<String> owner = tokens.verify(request.token(), TokenService.Use.ACCESS);
      if (owner.isEmpty()) {
        ApiErrors.send(context, 401, "invalid_token", "the token in the body is not valid or has expired");
        return;
      }
      if (!owner.get().equals(session.owner())) {
        ApiErrors.send(context, 403, "not_your_session", "the token belongs to another user than the session's");
        return;
      }
    }
    if (hasAnswer && !applyAnswer(context, session, request.answerSDP())) {
      return;
    }
    json(context, 200, resource(session));
  }

  private boolean applyAnswer(RoutingContext context, ViewerSession session, String answerField) {
    String sdp;
    try {
      sdp = AnswerField.sdp(answerField);
    } catch (IllegalArgumentException e) {
      ApiErrors.send(context, 400, "bad_answer", e.getMessage());
      return false;
    }
    try {
      session.applyAnswer(sdp, answerField);
      return true;
    } catch (SdpException e) {
      ApiErrors.send(context, 400, "bad_answer", "answerSDP does not answer the offer: " + e.getMessage());
    } catch (IllegalStateException e) {
      ApiErrors.send(context, 409, "answer_not_expected", e.getMessage());
    }
    return false;
  }

  // ---- DELETE Session ----

  private void delete(RoutingContext context, String id) {
    Optional<ViewerSession> session = ownSession(context, id);
    if (session.isPresent()) {
      session.get().close();
      context.response().setStatusCode(204).end();
    }
  }

  // ---- IceCandidates ----

  private void serverCandidates(RoutingContext context, String id) {
    Optional<ViewerSession> found = ownSession(context, id);
    if (found.isEmpty()) {
      return;
    }
    ViewerSession session = found.get();
    JsonArray candidates = new JsonArray();
    for (String candidate : session.localCandidates()) {
      candidates.add(new JsonObject()
          .put("candidate", candidate)
          .put("sdpMid", "0")
          .put("sdpMLineIndex", 0)
          .put("usernameFragment", session.iceUfrag())
          .encode());
    }
    json(context, 200, new JsonObject().put("sessionId", session.id()).put("candidates", candidates));
  }

  private void clientCandidates(RoutingContext context, String pathId) {
    CandidatesRequest request;
    try {
      request = LenientJson.read(context.body().asString(), CandidatesRequest.class);
    } catch (JsonProcessingException e) {
      ApiErrors.send(context, 400, "bad_json", "the body is not the JSON of a candidate list: " + firstLine(e));
      return;
    }
    Optional<ViewerSession> found = ownSession(context, pathId != null ? pathId : request.sessionId());
    if (found.isEmpty()) {
      return;
    }
    ViewerSession session = found.get();
    for (JsonNode entry : request.candidatesOrEmpty()) {
      String candidate;
      try {
        candidate = CandidateField.candidate(entry);
      } catch (IllegalArgumentException | SdpParseException e) {
        ApiErrors.send(context, 400, "bad_candidate", "a candidate is malformed: " + e.getMessage());
        return;
      }
      if (!candidate.isEmpty() && !session.addRemoteCandidate(candidate)) {
        ApiErrors.send(context, 400, "too_many_candidates", "the session already holds the most candidates it keeps");
        return;
      }
    }
    json(context, 200, new JsonObject().put("sessionId", session.id())
        .put("candidates", new JsonArray(session.remoteCandidates())));
  }

  // ---- helpers ----

  /** The caller's session with {@code id}; otherwise answers 400 or 404 and returns empty. */
  private Optional<ViewerSession> ownSession(RoutingContext context, String id) {
    if (id == null || id.isBlank()) {
      ApiErrors.send(context, 400, "no_session_id", "name the session: sessionId");
      return Optional.empty();
    }
    Optional<ViewerSession> session = sessions.find(id)
        .filter(s -> s.owner().equals(BearerAuthentication.user(context).username()));
    if (session.isEmpty()) {
      // another user's session is "unknown" too: ids are not for probing
      ApiErrors.send(context, 404, "unknown_session", "there is no session " + id
          + " (it may have ended: sessions close when the viewer leaves or sends no answer in time)");
    }
    return session;
  }

  private static void json(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private static String firstLine(JsonProcessingException e) {
    return e.getOriginalMessage();
  }

  /** The body of PATCH Session (and the 2022 R3 PUT, which also carries the id). */
  record UpdateRequest(String sessionId, String answerSDP, String token) {}

  /** The body of POST IceCandidates; the 2022 R3 form carries the id. */
  record CandidatesRequest(String sessionId, List<JsonNode> candidates) {
    List<JsonNode> candidatesOrEmpty() {
      return candidates == null ? List.of() : candidates;
    }
  }

  /** Reads {@code answerSDP}: the JSON of {@code {type:"answer", sdp}}, or (leniently) bare SDP. */
  static final class AnswerField {
    private AnswerField() {}

    static String sdp(String field) {
      String trimmed = field.trim();
      if (trimmed.startsWith("v=")) {
        return trimmed;
      }
      JsonNode description;
      try {
        description = LenientJson.mapper().readTree(trimmed);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("answerSDP must be the JSON of an RTCSessionDescription"
            + " ({\"type\":\"answer\",\"sdp\":\"v=0...\"}), as JSON.stringify(pc.localDescription) gives");
      }
      JsonNode type = description.get("type");
      JsonNode sdp = description.get("sdp");
      if (type != null && !"answer".equals(type.asText())) {
        throw new IllegalArgumentException("answerSDP is of type '" + type.asText() + "'; the server offers,"
            + " so the client sends an answer");
      }
      if (sdp == null || !sdp.isTextual() || sdp.asText().isBlank()) {
        throw new IllegalArgumentException("answerSDP has no sdp");
      }
      return sdp.asText();
    }
  }

  /** Reads one entry of {@code candidates}: a JSON string of an RTCIceCandidateInit, or the object itself. */
  static final class CandidateField {
    private CandidateField() {}

    /** The {@code candidate:…} string, checked; empty for an end-of-candidates marker. */
    static String candidate(JsonNode entry) throws SdpParseException {
      JsonNode init = entry;
      if (entry.isTextual()) {
        try {
          init = LenientJson.mapper().readTree(entry.asText());
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("each candidate must be the JSON of an RTCIceCandidate,"
              + " as JSON.stringify(event.candidate) gives");
        }
      }
      JsonNode candidate = init == null ? null : init.get("candidate");
      if (candidate == null || !candidate.isTextual()) {
        throw new IllegalArgumentException("a candidate object needs a 'candidate' string");
      }
      String text = candidate.asText().trim();
      if (text.isEmpty()) {
        return ""; // end of candidates (RFC 8838 §4.4): nothing to keep
      }
      return Candidate.parse(text).toString();
    }
  }
}
