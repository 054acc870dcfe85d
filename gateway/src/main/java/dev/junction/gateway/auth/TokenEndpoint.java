package dev.junction.gateway.auth;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/IDP/connect/token} (and {@code /IDP/connect/token}), the OAuth2 token endpoint
 * the XProtect API Gateway clients call: the password grant with {@code client_id}
 * GrantValidatorClient (access token only, as 2022 R3 – 2024 R2 samples expect) or VmsClient
 * (also a refresh token, 2025 R1+), and the refresh_token grant. Errors are OAuth2 JSON
 * ({@code error}, {@code error_description}, RFC 6749 §5.2). Ten failed logins from one address
 * within a minute make it wait ({@link LoginThrottle}: 429 with Retry-After). Needs a BodyHandler
 * before it.
 */
public final class TokenEndpoint implements Handler<RoutingContext> {

  static final String GRANT_VALIDATOR_CLIENT = "GrantValidatorClient";
  static final String VMS_CLIENT = "VmsClient";
  private static final Set<String> CLIENTS = Set.of(GRANT_VALIDATOR_CLIENT, VMS_CLIENT);

  /** Checked for unknown users too, so an answer's timing does not tell which names exist. */
  private static final String UNKNOWN_USER_HASH = PasswordHashes.hash("no such user");

  private final Map<String, GatewayUser> users;
  private final TokenService tokens;
  private final LoginThrottle throttle = new LoginThrottle(System::nanoTime);

  public TokenEndpoint(Map<String, GatewayUser> users, TokenService tokens) {
    this.users = Map.copyOf(users);
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext context) {
    MultiMap form = context.request().formAttributes();
    String client = form.get("client_id");
    if (client == null || !CLIENTS.contains(client)) {
      error(context, 400, "invalid_client", "client_id must be GrantValidatorClient or VmsClient");
      return;
    }
    boolean withRefresh = VMS_CLIENT.equals(client);
    String grant = form.get("grant_type");
    if ("password".equals(grant)) {
      passwordGrant(context, form.get("username"), form.get("password"), withRefresh);
    } else if ("refresh_token".equals(grant)) {
      String refresh = form.get("refresh_token");
      var username = refresh == null ? java.util.Optional.<String>empty() : tokens.verify(refresh, TokenService.Use.REFRESH);
      if (username.isEmpty() || !users.containsKey(username.get())) {
        error(context, 400, "invalid_grant", "the refresh token is not valid or has expired");
        return;
      }
      ok(context, tokens.issue(username.get(), withRefresh));
    } else {
      error(context, 400, grant == null ? "invalid_request" : "unsupported_grant_type",
          grant == null ? "grant_type is missing" : "grant_type must be password or refresh_token");
    }
  }

  /** Argon2id takes tens of milliseconds: verified on a worker thread, never the event loop. */
  private void passwordGrant(RoutingContext context, String username, String password, boolean withRefresh) {
    if (username == null || password == null) {
      error(context, 400, "invalid_request", "username and password are required");
      return;
    }
    String address = context.request().remoteAddress().hostAddress();
    long wait = throttle.retryAfterSeconds(address);
    if (wait > 0) {
      context.response().putHeader("Retry-After", Long.toString(wait));
      error(context, 429, "too_many_attempts", "too many failed logins from this address; try again in "
          + wait + " s");
      return;
    }
    GatewayUser user = users.get(username);
    String hash = user == null ? UNKNOWN_USER_HASH : user.passwordHash();
    context.vertx().<Boolean>executeBlocking(() -> PasswordHashes.verify(password, hash) && user != null)
        .onComplete(result -> {
          if (result.succeeded() && result.result()) {
            ok(context, tokens.issue(username, withRefresh));
          } else {
            throttle.failed(address);
            error(context, 400, "invalid_grant", "invalid username or password");
          }
        });
  }

  private static void ok(RoutingContext context, TokenService.Issued issued) {
    JsonObject body = new JsonObject()
        .put("access_token", issued.accessToken())
        .put("expires_in", issued.expiresInSeconds())
        .put("token_type", "Bearer")
        .put("scope", "managementserver");
    if (issued.refreshToken() != null) {
      body.put("refresh_token", issued.refreshToken());
    }
    send(context, 200, body);
  }

  private static void error(RoutingContext context, int status, String code, String description) {
    send(context, status, new JsonObject().put("error", code).put("error_description", description));
  }

  private static void send(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Pragma", "no-cache")
        .end(body.encode());
  }
}
