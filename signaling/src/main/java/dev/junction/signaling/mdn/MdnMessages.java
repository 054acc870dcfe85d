package dev.junction.signaling.mdn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.Json;
import java.util.List;
import java.util.regex.Pattern;

/** The messages the MDN dialect's server sends, built exactly as chatserver.js shapes them. */
final class MdnMessages {

  /** chatserver.js strips tags with {@code /(<([^>]+)>)/ig}; the same rule keeps clients' rendering safe. */
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private MdnMessages() {}

  static String id(long id) {
    ObjectNode message = Json.object().put("type", "id").put("id", id);
    return Json.write(message);
  }

  static String rejectUsername(long id, String grantedName) {
    return Json.write(Json.object().put("type", "rejectusername").put("id", id).put("name", grantedName));
  }

  static String userlist(List<String> names) {
    ObjectNode message = Json.object().put("type", "userlist");
    ArrayNode users = message.putArray("users");
    names.forEach(users::add);
    return Json.write(message);
  }

  static String hangUp(String from, String to) {
    return Json.write(Json.object().put("type", "hang-up").put("name", from).put("target", to));
  }

  /** Not in chatserver.js (which crashed instead); its client logs unknown types and carries on. */
  static String error(String code, String text) {
    return Json.write(Json.object().put("type", "error").put("code", code).put("text", text));
  }

  static String stripTags(String text) {
    return TAG.matcher(text).replaceAll("");
  }
}
