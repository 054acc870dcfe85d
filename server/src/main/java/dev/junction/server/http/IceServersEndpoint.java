package dev.junction.server.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.server.config.IceConfig;
import dev.junction.turn.RestCredentials;
import dev.junction.turn.SourceRateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * {@code GET /api/ice-servers} (and AppRTC's {@code POST v1alpha/iceconfig}, whose answer has the
 * same shape): the {@code RTCConfiguration.iceServers} a browser should use. The
 * built-in TURN server comes with credentials minted for this caller that expire after the TTL
 * (coturn's REST scheme), so no static TURN password ever reaches a browser. Who may ask is
 * configurable: anyone, rate-limited per address, or only bearers of a valid token.
 */
public final class IceServersEndpoint implements Handler<RoutingContext> {

  /**
   * The built-in STUN/TURN server as browsers reach it.
   *
   * @param host the address in the URLs; empty: the host the browser used to reach this page
   * @param tlsPort TURN over TLS, or -1
   */
  public record BuiltIn(RestCredentials credentials, String host, int port, int tlsPort, Duration ttl) {}

  private final IceConfig ice;
  private final Optional<BuiltIn> turn;
  private final SourceRateLimiter limiter;

  public IceServersEndpoint(IceConfig ice, Optional<BuiltIn> turn) {
    this.ice = ice;
    this.turn = turn;
    this.limiter = new SourceRateLimiter(ice.requestsPerSecondPerIp(), System::currentTimeMillis);
  }

  @Override
  public void handle(RoutingContext context) {
    Optional<Refusal> refusal = refusal(context);
    if (refusal.isPresent()) {
      refusal.get().send(context);
      return;
    }
    context.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("iceServers", servers(context)).encode());
  }

  /**
   * The servers for this caller under the same access rule as {@link #handle}, or none when the
   * rule refuses it: for answers that carry ICE servers among other things (AppRTC's join).
   */
  public JsonArray serversIfAllowed(RoutingContext context) {
    return refusal(context).isPresent() ? new JsonArray() : servers(context);
  }

  /** Why {@code ice.access} refuses this caller (no valid token, or over the rate), or empty. */
  private Optional<Refusal> refusal(RoutingContext context) {
    if (ice.requiresToken()) {
      return tokenProblem(context).map(problem -> new Refusal(401, "Unauthorized", problem,
          "WWW-Authenticate", "Bearer realm=\"junction\""));
    }
    if (!limiter.tryAcquire(clientAddress(context))) {
      return Optional.of(new Refusal(429, "Too Many Requests",
          "at most " + ice.requestsPerSecondPerIp() + " requests per second from one address", "Retry-After", "1"));
    }
    return Optional.empty();
  }

  /** The built-in server with credentials minted for this caller, then {@code ice.servers}. */
  private JsonArray servers(RoutingContext context) {
    JsonArray servers = new JsonArray();
    turn.ifPresent(builtIn -> addBuiltIn(servers, builtIn, context));
    for (IceConfig.IceServer server : ice.servers()) {
      JsonObject entry = new JsonObject().put("urls", new JsonArray(server.urls()));
      if (server.username() != null) {
        entry.put("username", server.username());
      }
      if (server.credential() != null) {
        entry.put("credential", server.credential());
      }
      servers.add(entry);
    }
    return servers;
  }

  /** A refused request: its status, problem title and detail, and the header that says what to do. */
  private record Refusal(int status, String title, String detail, String header, String headerValue) {
    void send(RoutingContext context) {
      context.response().putHeader(header, headerValue);
      Problem.send(context.response(), status, title, detail, context.request().path());
    }
  }

  private static void addBuiltIn(JsonArray servers, BuiltIn turn, RoutingContext context) {
    String host = urlHost(turn.host().isBlank() ? context.request().authority().host() : turn.host());
    // The client's address names the credential: the per-user quota then counts per caller.
    String userId = clientAddress(context).getHostAddress().replace(':', '-');
    RestCredentials.Credential credential = turn.credentials().mint(userId, Instant.now().plus(turn.ttl()));
    servers.add(new JsonObject().put("urls", new JsonArray().add("stun:" + host + ":" + turn.port())));
    JsonArray urls = new JsonArray()
        .add("turn:" + host + ":" + turn.port() + "?transport=udp")
        .add("turn:" + host + ":" + turn.port() + "?transport=tcp");
    if (turn.tlsPort() > 0) {
      urls.add("turns:" + host + ":" + turn.tlsPort() + "?transport=tcp");
    }
    servers.add(new JsonObject().put("urls", urls)
        .put("username", credential.username())
        .put("credential", credential.password()));
  }

  /** IPv6 literals need brackets in a URL. */
  public static String urlHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static InetAddress clientAddress(RoutingContext context) {
    try {
      return InetAddress.getByName(context.request().remoteAddress().hostAddress());
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("a connected peer always has an address", e);
    }
  }

  /** Why the bearer token does not admit the caller, or empty when it does. */
  private Optional<String> tokenProblem(RoutingContext context) {
    String header = context.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : context.request().getParam("access_token");
    if (token == null || token.isEmpty()) {
      return Optional.of("a bearer token is required (Authorization: Bearer …)");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(new MACVerifier(ice.tokenSecret().getBytes(StandardCharsets.UTF_8)))) {
        return Optional.of("the token's signature is not valid");
      }
      Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
      if (expiry == null || !expiry.toInstant().isAfter(Instant.now())) {
        return Optional.of("the token has expired or has no exp claim");
      }
      return Optional.empty();
    } catch (ParseException | JOSEException e) {
      return Optional.of("the token is not a valid HS256 JWT");
    }
  }
}
