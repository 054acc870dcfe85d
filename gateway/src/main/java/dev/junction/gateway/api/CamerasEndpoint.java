package dev.junction.gateway.api;

import dev.junction.gateway.auth.BearerAuthentication;
import dev.junction.gateway.camera.Camera;
import dev.junction.gateway.camera.CameraCatalog;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/cameras}: the cameras the caller may view, for the viewer's picker. */
public final class CamerasEndpoint implements Handler<RoutingContext> {

  private final CameraCatalog catalog;

  public CamerasEndpoint(CameraCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void handle(RoutingContext context) {
    JsonArray cameras = new JsonArray();
    for (Camera camera : catalog.visibleTo(BearerAuthentication.user(context))) {
      cameras.add(new JsonObject().put("id", camera.id()).put("name", camera.name()));
    }
    context.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("cameras", cameras).encode());
  }
}
