package dev.junction.signaling.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.Json;

/** The messages the tutorial dialect's server sends. */
final class TutorialMessages {

  private TutorialMessages() {}

  static String loginSucceeded() {
    return Json.write(Json.object().put("type", "login").put("success", true));
  }

  /** The tutorials send only {@code success:false}; the {@code message} says why, for people. */
  static String loginFailed(String reason) {
    return Json.write(Json.object().put("type", "login").put("success", false).put("message", reason));
  }

  /**
   * An offer, answer or candidate as the recipient sees it. The tutorials name the sender only on
   * offers ({@code username} in flaviocopes', {@code name} in tutorialspoint's); we always send both.
   */
  static String relayed(String type, JsonNode payload, String sender) {
    ObjectNode message = Json.object().put("type", type);
    message.set(type, payload);
    return Json.write(message.put("username", sender).put("name", sender));
  }

  static String hangUp(String word, String sender) {
    return Json.write(Json.object().put("type", word).put("username", sender).put("name", sender));
  }

  static String error(String text) {
    return Json.write(Json.object().put("type", "error").put("message", text));
  }
}
