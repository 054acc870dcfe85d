package dev.junction.gateway;

import dev.junction.gateway.api.CamerasEndpoint;
import dev.junction.gateway.api.WebRtcApi;
import dev.junction.gateway.auth.BearerAuthentication;
import dev.junction.gateway.auth.GatewayUser;
import dev.junction.gateway.auth.TokenEndpoint;
import dev.junction.gateway.auth.TokenService;
import dev.junction.gateway.camera.CameraCatalog;
import dev.junction.gateway.session.ViewerSessions;
import dev.junction.gateway.stream.CameraFeeds;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every HTTP route of the camera gateway on one router: the token service (under the base path
 * and at the root, where XProtect's management server has its IDP), the camera list, the WebRTC
 * session API, and CORS for them when configured.
 */
public final class GatewayRoutes {

  /**
   * Which web origins may call the API from a browser. Off by default (same-origin pages only);
   * {@code anyOrigin} is the permissive development switch of XProtect's CORS settings.
   */
  public record Cors(List<String> allowedOrigins, boolean anyOrigin) {
    public Cors {
      allowedOrigins = List.copyOf(allowedOrigins);
    }

    boolean enabled() {
      return anyOrigin || !allowedOrigins.isEmpty();
    }
  }

  private static final int MAX_FORM = 16 * 1024;

  private final String basePath;
  private final Map<String, GatewayUser> users;
  private final TokenService tokens;
  private final CameraCatalog catalog;
  private final CameraFeeds feeds;
  private final ViewerSessions sessions;
  private final Cors cors;

  public GatewayRoutes(String basePath, Map<String, GatewayUser> users, TokenService tokens, CameraCatalog catalog,
      CameraFeeds feeds, ViewerSessions sessions, Cors cors) {
    this.basePath = basePath;
    this.users = Map.copyOf(users);
    this.tokens = tokens;
    this.catalog = catalog;
    this.feeds = feeds;
    this.sessions = sessions;
    this.cors = cors;
  }

  public void mount(Router router) {
    if (cors.enabled()) {
      CorsHandler handler = CorsHandler.create()
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.DELETE,
              HttpMethod.OPTIONS))
          .allowedHeaders(Set.of("Authorization", "Content-Type"))
          .maxAgeSeconds(600);
      if (cors.anyOrigin()) {
        handler.addOriginWithRegex(".*");
      } else {
        handler.addOrigins(cors.allowedOrigins());
      }
      router.routeWithRegex("(?i)(" + Pattern.quote(basePath) + ")?/IDP/.*").handler(handler);
      router.routeWithRegex("(?i)" + Pattern.quote(basePath) + "/.*").handler(handler);
    }
    TokenEndpoint tokenEndpoint = new TokenEndpoint(users, tokens);
    router.routeWithRegex(HttpMethod.POST, "(?i)(" + Pattern.quote(basePath) + ")?/IDP/connect/token")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM))
        .handler(tokenEndpoint);
    BearerAuthentication authentication = new BearerAuthentication(users, tokens);
    router.routeWithRegex(HttpMethod.GET, "(?i)" + Pattern.quote(basePath) + "/cameras/?")
        .handler(authentication)
        .handler(new CamerasEndpoint(catalog));
    new WebRtcApi(catalog, feeds, sessions, tokens).mount(router, basePath, authentication);
  }
}
