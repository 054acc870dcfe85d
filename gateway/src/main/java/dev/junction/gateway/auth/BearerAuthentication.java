package dev.junction.gateway.auth;

import dev.junction.gateway.api.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a request to the gateway API only with a valid access token in
 * {@code Authorization: Bearer …}; the user is then in the routing context for later handlers
 * ({@link #user}). Anything else: 401 with a JSON body.
 */
public final class BearerAuthentication implements Handler<RoutingContext> {

  private static final String USER_KEY = "junction.gateway.user";

  private final Map<String, GatewayUser> users;
  private final TokenService tokens;

  public BearerAuthentication(Map<String, GatewayUser> users, TokenService tokens) {
    this.users = Map.copyOf(users);
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext context) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ApiErrors.send(context, 401, "unauthorized", "an Authorization: Bearer token is required");
      return;
    }
    Optional<GatewayUser> user = tokens.verify(header.substring(7).trim(), TokenService.Use.ACCESS).map(users::get);
    if (user.isEmpty()) {
      ApiErrors.send(context, 401, "invalid_token", "the bearer token is not valid or has expired");
      return;
    }
    context.put(USER_KEY, user.get());
    context.next();
  }

  /** The authenticated user of a request this handler admitted. */
  public static GatewayUser user(RoutingContext context) {
    return context.get(USER_KEY);
  }
}
