package dev.junction.server.nativev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.http.Problem;
import dev.junction.signaling.nativev1.Grants;
import dev.junction.signaling.nativev1.Hub;
import dev.junction.signaling.nativev1.JwtVerifier;
import dev.junction.signaling.nativev1.PeerView;
import dev.junction.signaling.nativev1.RoomView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The native protocol's admin API under {@value #BASE}: list rooms and peers, kick a peer, ask a
 * peer to reconnect (its session waits for the resume), close a room, send a server message to a
 * peer or a room. Every route needs an admin token ({@link AdminAuthentication}); errors are
 * problem+json.
 */
public final class NativeAdminApi {

  /** Where the API lives. */
  public static final String BASE = "/api/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Hub hub;
  private final AdminAuthentication authentication;
  private final int maxBodyBytes;

  public NativeAdminApi(Hub hub, JwtVerifier verifier, int maxBodyBytes) {
    this.hub = hub;
    this.authentication = new AdminAuthentication(verifier);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Adds the routes; call before the static files are mounted. */
  public void mount(Router router) {
    router.route(BASE + "/rooms*").handler(authentication);
    router.route(BASE + "/peers*").handler(authentication);
    router.get(BASE + "/rooms").handler(context -> json(context, 200,
        new JsonObject().put("rooms", new JsonArray(hub.rooms().stream().map(NativeAdminApi::room).toList()))));
    router.get(BASE + "/rooms/:room").handler(context -> hub.room(context.pathParam("room")).ifPresentOrElse(
        room -> json(context, 200, room(room)), () -> noRoom(context)));
    router.delete(BASE + "/rooms/:room").handler(context -> done(context, hub::closeRoom, "room", 204));
    router.post(BASE + "/rooms/:room/messages").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(context -> withData(context, data -> done(context, name -> hub.sendToRoom(name, data), "room", 202)));
    router.get(BASE + "/peers").handler(context -> json(context, 200,
        new JsonObject().put("peers", new JsonArray(hub.peers().stream().map(NativeAdminApi::peer).toList()))));
    router.get(BASE + "/peers/:identity").handler(context -> hub.peer(context.pathParam("identity")).ifPresentOrElse(
        peer -> json(context, 200, peer(peer)), () -> noPeer(context)));
    router.delete(BASE + "/peers/:identity").handler(context -> done(context, hub::kick, "identity", 204));
    router.post(BASE + "/peers/:identity/reconnect")
        .handler(context -> done(context, hub::requestReconnect, "identity", 202));
    router.post(BASE + "/peers/:identity/messages").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(context -> withData(context, data ->
            done(context, identity -> hub.sendToPeer(identity, data), "identity", 202)));
  }

  /** Runs {@code action} on the path parameter; 404 when it names nothing. */
  private static void done(RoutingContext context, Predicate<String> action, String parameter, int status) {
    if (action.test(context.pathParam(parameter))) {
      context.response().setStatusCode(status).putHeader("Cache-Control", "no-store").end();
    } else if (parameter.equals("room")) {
      noRoom(context);
    } else {
      noPeer(context);
    }
  }

  /** The body must be a JSON object with a {@code data} member (any JSON): what the clients get. */
  private static void withData(RoutingContext context, Consumer<JsonNode> then) {
    JsonNode body;
    try {
      body = context.body().buffer() == null ? null : JSON.readTree(context.body().asString());
    } catch (IOException e) {
      badRequest(context, "the body is not JSON: " + e.getMessage());
      return;
    }
    if (body == null || !body.isObject() || !body.has("data")) {
      badRequest(context, "the body must be a JSON object with a member 'data', which the clients receive");
      return;
    }
    then.accept(body.get("data"));
  }

  private static JsonObject room(RoomView room) {
    return new JsonObject().put("name", room.name()).put("capacity", room.capacity())
        .put("members", new JsonArray(room.members().stream().map(NativeAdminApi::peer).toList()));
  }

  private static JsonObject peer(PeerView peer) {
    Grants grants = peer.grants();
    return new JsonObject().put("identity", peer.identity()).put("name", peer.name()).put("state", peer.state())
        .put("rooms", new JsonArray(peer.rooms())).put("address", peer.address())
        .put("grants", new JsonObject().put("rooms", new JsonArray(grants.rooms())).put("publish", grants.publish())
            .put("subscribe", grants.subscribe()).put("data", grants.data()).put("admin", grants.admin()));
  }

  private static void json(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  private static void noRoom(RoutingContext context) {
    Problem.send(context.response(), 404, "Not Found", "no room " + context.pathParam("room"), context.request().path());
  }

  private static void noPeer(RoutingContext context) {
    Problem.send(context.response(), 404, "Not Found", "no session has the identity " + context.pathParam("identity"),
        context.request().path());
  }

  private static void badRequest(RoutingContext context, String detail) {
    Problem.send(context.response(), 400, "Bad Request", detail, context.request().path());
  }
}
