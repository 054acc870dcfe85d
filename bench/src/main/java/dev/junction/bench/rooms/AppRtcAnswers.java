package dev.junction.bench.rooms;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads the AppRTC room server's answers (docs/API.md, "AppRTC dialect"): the join's
 * {@code {"result":"SUCCESS","params":{...}}} with the string-typed params apprtc.py writes, the
 * leave's {@code {"result":...}} and Collider's {@code /status}. Pure: text in, values out; a
 * wrong answer is an {@link IllegalStateException} that quotes it.
 */
final class AppRtcAnswers {

  /** A seat in a room: the id the server drew, where Collider is, and whether this client came first. */
  record Seat(String clientId, String wssUrl, boolean initiator) {}

  private AppRtcAnswers() {}

  /** The seat a {@code POST /join/<room>} answer gives; refusals ({@code FULL}, ...) throw. */
  static Seat join(String body) {
    JsonObject answer = parse(body);
    String result = answer.getString("result");
    if (!"SUCCESS".equals(result)) throw new IllegalStateException("join refused: " + result + " " + body);
    JsonObject params = answer.getJsonObject("params");
    if (params == null) throw new IllegalStateException("join answer without params: " + body);
    String clientId = params.getString("client_id");
    String wssUrl = params.getString("wss_url");
    if (clientId == null || clientId.isEmpty() || wssUrl == null) {
      throw new IllegalStateException("join answer without client_id or wss_url: " + body);
    }
    // apprtc.py writes booleans as the strings "true" and "false"
    return new Seat(clientId, wssUrl, "true".equals(params.getValue("is_initiator", "false").toString()));
  }

  /** Checks a {@code POST /leave/<room>/<client>} answer. */
  static void leave(String body) {
    String result = parse(body).getString("result");
    if (!"SUCCESS".equals(result)) throw new IllegalStateException("leave refused: " + body);
  }

  /** The registered Collider sockets ({@code openws}) in a {@code GET /collider/status} answer. */
  static int openSockets(String body) {
    Integer open = parse(body).getInteger("openws");
    if (open == null) throw new IllegalStateException("status without openws: " + body);
    return open;
  }

  private static JsonObject parse(String body) {
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalStateException("not a JSON object: " + body, e);
    }
  }
}
