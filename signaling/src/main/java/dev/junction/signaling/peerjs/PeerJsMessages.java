package dev.junction.signaling.peerjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.Json;

/**
 * The frames of the PeerJS protocol: {@code {type, src, dst, payload}} objects. The texts of the
 * four connect-time errors are peerjs-server's own, because the client shows them to its user.
 */
final class PeerJsMessages {

  static final String OPEN = "OPEN";
  static final String ID_TAKEN = "ID-TAKEN";
  static final String ERROR = "ERROR";
  static final String HEARTBEAT = "HEARTBEAT";
  static final String OFFER = "OFFER";
  static final String ANSWER = "ANSWER";
  static final String CANDIDATE = "CANDIDATE";
  static final String LEAVE = "LEAVE";
  static final String EXPIRE = "EXPIRE";

  static final String NO_CREDENTIALS = "No id, token, or key supplied to websocket server";
  static final String INVALID_KEY = "Invalid key provided";
  static final String INVALID_TOKEN = "Invalid token provided";
  static final String LIMIT_REACHED = "Server has reached its concurrent user limit";

  private PeerJsMessages() {}

  static String open() {
    return Json.write(Json.object().put("type", OPEN));
  }

  static String idTaken() {
    ObjectNode message = Json.object().put("type", ID_TAKEN);
    message.putObject("payload").put("msg", "ID is taken");
    return Json.write(message);
  }

  static String error(String text) {
    ObjectNode message = Json.object().put("type", ERROR);
    message.putObject("payload").put("msg", text);
    return Json.write(message);
  }

  /** Told to {@code to} when {@code gone} could not be reached. */
  static String leave(String gone, String to) {
    return relay(LEAVE, gone, to, null);
  }

  /** Told to {@code to} when its messages for {@code absent} were not picked up in time. */
  static String expire(String absent, String to) {
    return relay(EXPIRE, absent, to, null);
  }

  /**
   * A relayed message as the server forwards it: only the four envelope fields, {@code src} set
   * by the server; {@code payload} is carried unread and left out when absent.
   */
  static String relay(String type, String src, String dst, JsonNode payload) {
    ObjectNode message = Json.object().put("type", type).put("src", src).put("dst", dst);
    if (payload != null) {
      message.set("payload", payload);
    }
    return Json.write(message);
  }
}
