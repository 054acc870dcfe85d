package dev.junction.server.apprtc;

import dev.junction.server.config.AppRtcConfig;
import dev.junction.server.http.IceServersEndpoint;
import dev.junction.server.http.Problem;
import dev.junction.server.http.RequestLog;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.Names;
import dev.junction.signaling.apprtc.AppRtcDialect;
import dev.junction.signaling.apprtc.ColliderStatus;
import dev.junction.signaling.apprtc.Delivery;
import dev.junction.signaling.apprtc.JoinResult;
import dev.junction.signaling.apprtc.RoomResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * AppRTC's HTTP surface under {@code apprtc.path} ({@code /apprtc} by default): the room server's
 * {@code POST join/{room}}, {@code message/{room}/{client}}, {@code leave/{room}/{client}},
 * {@code GET params} and {@code POST v1alpha/iceconfig}, and Collider's {@code GET collider/status}
 * and {@code POST|DELETE collider/{room}/{client}} (its WebSocket, {@code collider/ws}, is served
 * by the signaling transport). Collider lives under its own prefix because its
 * {@code /{room}/{client}} would otherwise swallow {@code /join/{room}}.
 *
 * <p>Any origin may call these (CORS {@code *}, as Collider allows): they carry no credentials,
 * and AppRTC's web app is often served from elsewhere than its room server. Answers and errors
 * keep AppRTC's shapes — {@code {"result": ...}} and Collider's {@code OK} — except that a
 * request AppRTC would fail with a bare 500 gets a problem+json with the status that says why.
 */
public final class AppRtcRoutes {

  private final AppRtcDialect dialect;
  private final AppRtcParams params;
  private final IceServersEndpoint iceServers;
  private final String basePath;
  private final int maxMessageBytes;
  private final long startNanos = System.nanoTime();

  /**
   * @param maxMessageBytes the largest request body, as for a WebSocket message ({@code signaling.maxFrameBytes})
   */
  public AppRtcRoutes(AppRtcDialect dialect, AppRtcConfig config, IceServersEndpoint iceServers, int maxMessageBytes) {
    this.dialect = dialect;
    this.basePath = config.basePath();
    this.params = new AppRtcParams(basePath, config.iceServersInPcConfig(), iceServers);
    this.iceServers = iceServers;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The path of Collider's WebSocket. */
  public String colliderSocketPath() {
    return basePath + "/collider/ws";
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    // CORS per route, not on the prefix: mounted at the root, a prefix would cover every page.
    CorsHandler cors = CorsHandler.create().allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE));
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxMessageBytes);
    String collider = basePath + "/collider";
    post(router, cors, body, basePath + "/join/:room", signaling(this::join));
    post(router, cors, body, basePath + "/message/:room/:client", signaling(this::message));
    post(router, cors, body, basePath + "/leave/:room/:client", signaling(this::leave));
    post(router, cors, body, basePath + "/v1alpha/iceconfig", iceServers);
    post(router, cors, body, collider + "/:room/:client", signaling(this::colliderPost));
    router.delete(collider + "/:room/:client").handler(cors).handler(signaling(this::colliderDelete));
    router.get(basePath + "/params").handler(cors).handler(context -> json(context, params.roomIndependent(context)));
    router.get(collider + "/status").handler(cors).handler(this::status);
  }

  /** {@code handler} for requests that are signaling traffic, logged at DEBUG ({@link RequestLog#markSignaling}). */
  private static Handler<RoutingContext> signaling(Handler<RoutingContext> handler) {
    return context -> {
      RequestLog.markSignaling(context);
      handler.handle(context);
    };
  }

  /** A POST route with a bounded body; the preflight a browser sends first (for DELETE too) is answered. */
  private static void post(Router router, CorsHandler cors, BodyHandler body, String path,
      Handler<RoutingContext> handler) {
    router.options(path).handler(cors);
    router.post(path).handler(cors).handler(body).handler(handler);
  }

  private void join(RoutingContext context) {
    String room = context.pathParam("room");
    if (!validIds(context, room)) {
      return;
    }
    JoinResult joined = dialect.join(room);
    JsonObject answer = new JsonObject().put("result", joined.result().name());
    if (joined.result() == RoomResult.SUCCESS) {
      answer.put("params", params.forClient(context, room, joined));
    } else {
      answer.put("params", new JsonObject().put("messages", new io.vertx.core.json.JsonArray()));
    }
    json(context, answer);
  }

  private void message(RoutingContext context) {
    String room = context.pathParam("room");
    String client = context.pathParam("client");
    if (!validIds(context, room, client)) {
      return;
    }
    String text = context.body().asString();
    if (text == null || text.isEmpty()) {
      dialect.httpError(ErrorKind.BAD_MESSAGE);
      json(context, result(RoomResult.ERROR, "the request body must be the message"));
      return;
    }
    RoomResult result = dialect.message(room, client, text);
    json(context, result(result, switch (result) {
      case UNKNOWN_ROOM -> "no room " + room;
      case UNKNOWN_CLIENT -> "no client " + client + " in room " + room;
      case ERROR -> "too many messages are waiting for the other client";
      default -> null;
    }));
  }

  private void leave(RoutingContext context) {
    String room = context.pathParam("room");
    String client = context.pathParam("client");
    if (validIds(context, room, client)) {
      json(context, result(dialect.leave(room, client), null));
    }
  }

  private void status(RoutingContext context) {
    ColliderStatus status = dialect.status();
    json(context, new JsonObject()
        .put("upsec", (System.nanoTime() - startNanos) / (double) TimeUnit.SECONDS.toNanos(1))
        .put("openws", status.openSockets())
        .put("totalws", status.totalSockets())
        .put("wserrors", status.socketErrors())
        .put("httperrors", status.httpErrors()));
  }

  private void colliderPost(RoutingContext context) {
    String room = context.pathParam("room");
    String client = context.pathParam("client");
    if (!validIds(context, room, client)) {
      dialect.httpError(ErrorKind.BAD_MESSAGE);
      return;
    }
    String text = context.body().asString();
    if (text == null || text.isEmpty()) {
      dialect.httpError(ErrorKind.BAD_MESSAGE);
      Problem.send(context.response(), 400, "Bad Request", "Empty request body", context.request().path());
      return;
    }
    Delivery delivery = dialect.post(room, client, text);
    switch (delivery) {
      case DELIVERED, QUEUED -> ok(context);
      case QUEUE_FULL -> Problem.send(context.response(), 429, "Too Many Requests",
          "Too many messages queued for the client", context.request().path());
      case UNKNOWN_CLIENT -> Problem.send(context.response(), 404, "Not Found",
          "no client " + client + " in room " + room, context.request().path());
    }
  }

  private void colliderDelete(RoutingContext context) {
    String room = context.pathParam("room");
    String client = context.pathParam("client");
    if (validIds(context, room, client)) {
      dialect.delete(room, client);
      ok(context);
    }
  }

  /** AppRTC ids are {@code [a-zA-Z0-9-_]+}: anything else is not an AppRTC path (404). */
  private static boolean validIds(RoutingContext context, String... ids) {
    for (String id : ids) {
      if (!Names.isValidRoomName(id)) {
        Problem.send(context.response(), 404, "Not Found", "room and client ids are 1 to 64 letters, digits, "
            + "'-' or '_', got \"" + id + "\"", context.request().path());
        return false;
      }
    }
    return true;
  }

  private static JsonObject result(RoomResult result, String error) {
    JsonObject answer = new JsonObject().put("result", result.name());
    return error == null ? answer : answer.put("error", error);
  }

  private static void json(RoutingContext context, JsonObject body) {
    context.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  /** Collider's success answer. */
  private static void ok(RoutingContext context) {
    context.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("OK\n");
  }
}
