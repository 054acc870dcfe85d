package dev.junction.signaling.apprtc;

import dev.junction.signaling.Json;

/**
 * What Collider writes to a client's WebSocket: {@code {"msg":"<opaque text>","error":""}} for a
 * message from the other client, {@code {"msg":"","error":"<text>"}} for a refusal. Both fields
 * are always present, as Go's encoder writes them.
 */
final class ColliderFrames {

  /** The AppRTC clients' hang-up message, which the server sends on behalf of a client that left. */
  static final String BYE = "{\"type\":\"bye\"}";

  private ColliderFrames() {}

  static String message(String text) {
    return Json.write(Json.object().put("msg", text).put("error", ""));
  }

  static String error(String text) {
    return Json.write(Json.object().put("msg", "").put("error", text));
  }
}
