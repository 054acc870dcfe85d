package dev.junction.signaling.apprtc;

import java.util.List;

/**
 * The answer to a join.
 *
 * @param result {@link RoomResult#SUCCESS}, or why the client was not let in
 * @param clientId the id the server gave the client (null unless it joined)
 * @param initiator whether the client is the first in the room, the one that makes the offer
 * @param messages what the first client posted while it was alone, for the second one to start
 *     from (empty for the first)
 */
public record JoinResult(RoomResult result, String clientId, boolean initiator, List<String> messages) {

  static JoinResult refused(RoomResult result) {
    return new JoinResult(result, null, false, List.of());
  }
}
