package dev.junction.server.http;

import dev.junction.server.config.PeerJsConfig;
import dev.junction.signaling.peerjs.PeerJsDialect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;

/**
 * The HTTP side of the PeerJS dialect, as peerjs-server serves it under the client's {@code path}:
 * {@code GET <path>/} a banner, {@code GET <path>/<key>/id} a fresh id as text, and {@code GET
 * <path>/<key>/peers} the connected ids as a JSON array when discovery is allowed. Open to every
 * origin, as peerjs-server is: a page served from elsewhere fetches its id here.
 */
public final class PeerJsApi {

  private final PeerJsDialect dialect;
  private final PeerJsConfig config;

  public PeerJsApi(PeerJsDialect dialect, PeerJsConfig config) {
    this.dialect = dialect;
    this.config = config;
  }

  /** Adds the routes to {@code router}; call before the static files are mounted. */
  public void mount(Router router) {
    String base = config.path().endsWith("/")
        ? config.path().substring(0, config.path().length() - 1) : config.path();
    router.route(base + "/*").handler(CorsHandler.create());
    if (!base.isEmpty()) {
      // At path "/" the banner would hide the web apps' index page.
      router.get(base + "/").handler(this::banner);
    }
    router.get(base + "/:key/id").handler(this::id);
    router.get(base + "/:key/peers").handler(this::peers);
  }

  private void banner(RoutingContext context) {
    context.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject()
            .put("name", "Junction")
            .put("description", "PeerJS-compatible signaling: connect with the peerjs client's path set to "
                + config.path())
            .put("webSocket", config.webSocketPath())
            .encode());
  }

  private void id(RoutingContext context) {
    if (knownKey(context)) {
      noStore(context).putHeader("Content-Type", "text/plain; charset=utf-8").end(dialect.newId());
    }
  }

  private void peers(RoutingContext context) {
    if (!knownKey(context)) {
      return;
    }
    if (!config.allowDiscovery()) {
      Problem.send(context.response(), 401, "Unauthorized",
          "listing peers is off on this server (peerjs.allowDiscovery)", context.request().path());
      return;
    }
    noStore(context).putHeader("Content-Type", "application/json").end(new JsonArray(dialect.peerIds()).encode());
  }

  /** peerjs-server answers any key here; the key is checked so that only its holders list peers. */
  private boolean knownKey(RoutingContext context) {
    if (dialect.acceptsKey(context.pathParam("key"))) {
      return true;
    }
    Problem.send(context.response(), 401, "Unauthorized", "invalid key", context.request().path());
    return false;
  }

  private static io.vertx.core.http.HttpServerResponse noStore(RoutingContext context) {
    return context.response().putHeader("Cache-Control", "no-store");
  }
}
