package dev.junction.server.http;

import dev.junction.server.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The HTTP routes of the main port: the web apps and JS library (static files from the
 * classpath's {@code web/}), health, metrics and the REST API. Every error is problem+json.
 */
public final class WebApp {

  private WebApp() {}

  /**
   * @param apis add further HTTP routes (the signaling dialects', the camera gateway's), before the static files
   * @param serving false once shutdown has begun: health then answers 503 so balancers drain us
   * @param dialectRoutes adds the HTTP routes of the signaling dialects that have them (AppRTC)
   */
  public static Router router(Vertx vertx, Metrics metrics, IceServersEndpoint iceServers, List<Consumer<Router>> apis,
      BooleanSupplier serving) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(metrics.registry()));
    router.route().handler(WebApp::securityHeaders);

    router.get("/healthz").handler(context -> health(context, serving.getAsBoolean()));
    router.get("/metrics").handler(context -> context.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    router.get("/api/ice-servers").handler(iceServers);
    apis.forEach(api -> api.accept(router));

    // Apps live in folders; a bare /chat must become /chat/ so relative links in the page resolve.
    router.getWithRegex("/(chat|camera|room|share)").handler(context -> context.redirect(context.request().path() + "/"));
    // A room link (/room/<room>, /share/<room>) is its app's page, which reads the room from the path.
    // The pattern is the native protocol's room name, which has no dot, so the apps' files never match.
    router.getWithRegex("/(room|share)/[A-Za-z0-9_-]{1,64}").handler(WebApp::roomLink);
    router.route("/*").handler(StaticHandler.create("web").setCachingEnabled(false).setDirectoryListing(false));

    router.errorHandler(404, context -> Problem.send(context.response(), 404, "Not Found",
        "nothing is served at " + context.request().path(), context.request().path()));
    router.errorHandler(405, context -> Problem.send(context.response(), 405, "Method Not Allowed",
        context.request().method() + " is not allowed on " + context.request().path(), context.request().path()));
    router.errorHandler(413, context -> Problem.send(context.response(), 413, "Content Too Large",
        "the request body is larger than the limit of this endpoint", context.request().path()));
    router.errorHandler(500, context -> {
      org.slf4j.LoggerFactory.getLogger(WebApp.class)
          .error("request {} failed", Redaction.redactUri(context.request().uri()), context.failure());
      Problem.send(context.response(), 500, "Internal Server Error",
          "the server failed to answer; the error is logged", context.request().path());
    });
    return router;
  }

  private static void securityHeaders(RoutingContext context) {
    context.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    context.next();
  }

  private static void roomLink(RoutingContext context) {
    context.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile("web/" + context.pathParam("param0") + "/index.html");
  }

  private static void health(RoutingContext context, boolean serving) {
    context.response()
        .setStatusCode(serving ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("status", serving ? "ok" : "stopping").encode());
  }

}
