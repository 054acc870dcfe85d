package dev.junction.signaling.nativev1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.signaling.Json;
import java.util.List;

/**
 * What a client may do, from its token's {@code grants} claim (or everything but {@code admin}
 * when tokens are not required).
 *
 * @param rooms the rooms it may join; {@value #ANY_ROOM} for any
 * @param publish it may send its own media: take part in offer/answer/candidate exchanges
 * @param subscribe it may receive media: take part in offer/answer/candidate exchanges
 * @param data it may send {@code message}s (chat, app data) to its rooms
 * @param admin it may call the admin API
 */
public record Grants(List<String> rooms, boolean publish, boolean subscribe, boolean data, boolean admin) {

  /** In {@code rooms}: every room. */
  public static final String ANY_ROOM = "*";

  /** A client's grants when the server requires no token: any room, media and data, no admin. */
  public static final Grants UNAUTHENTICATED = new Grants(List.of(ANY_ROOM), true, true, true, false);

  public Grants {
    rooms = List.copyOf(rooms);
  }

  public boolean allowsRoom(String room) {
    return rooms.contains(ANY_ROOM) || rooms.contains(room);
  }

  /** Offers, answers and candidates need one of the two media grants. */
  public boolean allowsMedia() {
    return publish || subscribe;
  }

  /** The grants as the welcome shows them. */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    ArrayNode list = json.putArray("rooms");
    rooms.forEach(list::add);
    return json.put("publish", publish).put("subscribe", subscribe).put("data", data).put("admin", admin);
  }
}
