package dev.junction.server.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details: the one error shape of Junction's own HTTP APIs. */
public final class Problem {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  /** Ends {@code response} with {@code status} and a problem body naming what went wrong. */
  public static void send(HttpServerResponse response, int status, String title, String detail, String instance) {
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
