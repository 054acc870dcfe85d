package dev.junction.server.nativev1;

import dev.junction.server.http.Problem;
import dev.junction.signaling.nativev1.JwtVerifier;
import dev.junction.signaling.nativev1.Principal;
import dev.junction.signaling.nativev1.TokenRefusal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request on to the admin API only with {@code Authorization: Bearer <jwt>} whose token
 * verifies (same keys as the native protocol) and grants {@code admin}: 401 with a {@code
 * WWW-Authenticate: Bearer} challenge for a missing, forged or expired token, 403 for a valid
 * token without the admin grant.
 */
final class AdminAuthentication implements Handler<RoutingContext> {

  private static final String BEARER = "Bearer ";

  private final JwtVerifier verifier;

  AdminAuthentication(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext context) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      unauthorized(context, "an admin token is required: Authorization: Bearer <jwt with grants.admin true>");
      return;
    }
    Principal principal;
    try {
      principal = verifier.verify(header.substring(BEARER.length()).trim());
    } catch (TokenRefusal refusal) {
      unauthorized(context, refusal.getMessage());
      return;
    }
    if (!principal.grants().admin()) {
      Problem.send(context.response(), 403, "Forbidden", "the token of " + principal.identity()
          + " does not grant admin", context.request().path());
      return;
    }
    context.next();
  }

  private static void unauthorized(RoutingContext context, String detail) {
    context.response().putHeader("WWW-Authenticate", "Bearer realm=\"junction\"");
    Problem.send(context.response(), 401, "Unauthorized", detail, context.request().path());
  }
}
