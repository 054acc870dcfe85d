package dev.junction.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway API's error bodies, always JSON (the XProtect sample calls {@code response.json()}
 * on every failure and breaks on anything else), in the MIP REST shape its other samples read,
 * {@code error.httpCode} and {@code error.errorText}, plus a machine-readable {@code error.code}
 * and a top-level {@code message} for tolerant clients (specs/xprotect-webrtc-api.md §1.7):
 *
 * <pre>{"error":{"httpCode":400,"errorText":"…","code":"bad_answer","details":[]},"message":"…"}</pre>
 *
 * A 401 also carries the {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3).
 */
public final class ApiErrors {

  private ApiErrors() {}

  public static void send(RoutingContext context, int status, String code, String message) {
    if (status == 401) {
      context.response().putHeader("WWW-Authenticate", "Bearer");
    }
    JsonObject error = new JsonObject()
        .put("httpCode", status)
        .put("errorText", message)
        .put("code", code)
        .put("details", new JsonArray());
    context.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", error).put("message", message).encode());
  }
}
