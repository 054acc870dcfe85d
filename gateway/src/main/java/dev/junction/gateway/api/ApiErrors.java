package dev.junction.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway API's error bodies: JSON with a machine-readable {@code error} and a human
 * {@code message} (and, for 401, a {@code WWW-Authenticate: Bearer} challenge).
 */
public final class ApiErrors {

  private ApiErrors() {}

  public static void send(RoutingContext context, int status, String error, String message) {
    if (status == 401) {
      context.response().putHeader("WWW-Authenticate", "Bearer");
    }
    context.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", error).put("message", message).put("status", status).encode());
  }
}
