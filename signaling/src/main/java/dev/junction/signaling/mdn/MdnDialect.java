package dev.junction.signaling.mdn;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Dialect;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.NamePolicy;
import dev.junction.signaling.Room;
import dev.junction.signaling.Rooms;
import dev.junction.signaling.SignalingEvents;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The protocol of MDN's "webrtc-from-chat" sample (chatserver.js), wire-compatible with its
 * unmodified client: an {@code id} greeting, {@code username} with the rename rule, a full
 * {@code userlist} to everyone on every change, {@code message} chat with tags stripped and
 * echoed, and every other type passed through by {@code target} or to everyone.
 *
 * <p>Kept from the original because clients rely on it: the echo to the sender, the full list with
 * {@code null} for unnamed connections, the silent drop for an unknown target, the global rename
 * counter. Changed: identities come from the connection, never from the message (a message naming
 * someone else is refused), malformed input gets an {@code error} message instead of crashing the
 * server, and a call partner is sent {@code hang-up} when the other side disconnects.
 */
public final class MdnDialect implements Dialect {

  public static final String NAME = "mdn";

  private final Rooms<MdnClient> rooms;
  private final SignalingEvents events;
  /** chatserver.js seeds its id counter with the start time; clients only echo it back. */
  private final AtomicLong nextId = new AtomicLong(System.currentTimeMillis());

  public MdnDialect(int maxRooms, SignalingEvents events) {
    this.rooms = new Rooms<>(NamePolicy.RENAME, maxRooms);
    this.events = events;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ClientSession open(Connection connection, String roomName) {
    MdnClient client = new MdnClient(connection, nextId.getAndIncrement(), rooms, events);
    Optional<Room<MdnClient>> room = rooms.enter(roomName, client);
    if (room.isEmpty()) {
      events.error(NAME, ErrorKind.ROOM_LIMIT);
      connection.close(CloseReason.policyViolation("too many rooms"));
      return ClientSession.CLOSED;
    }
    client.start(room.get());
    return client;
  }
}
