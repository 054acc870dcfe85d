package dev.junction.signaling.apprtc;

import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The state of AppRTC's room server and of Collider in one table: rooms of at most two clients,
 * the mailbox of a client that is alone, the queue of messages for a client whose socket is not
 * registered, and the deadlines by which a client must register or come back.
 *
 * <p>AppRTC runs these as two services that know nothing of each other, so a stranger who
 * guesses a room name can register with Collider in the free seat of a room and read what the
 * first client queued. Here one table serves both: only a client the room server let in can
 * register or send, and a client that never registers leaves its seat after the register timeout
 * instead of blocking the room for a day.
 *
 * <p>Rules, as AppRTC has them unless said otherwise:
 *
 * <ul>
 *   <li>The first client is the initiator. A message it posts to the room server while alone is
 *       kept in its mailbox, which the second client receives in its join answer.
 *   <li>A message for the other client goes to its socket when it is registered; otherwise it waits
 *       in the sender's queue, flushed to the other client the moment it registers.
 *   <li>A client that joined has {@code registerTimeout} to register its WebSocket; a registered
 *       client whose socket drops has {@code roamingGrace} to register again (from any socket) and
 *       keeps its place and its messages. A later registration takes over from an earlier socket.
 *   <li>When a client leaves (or runs out of time) the other becomes the initiator and, if
 *       registered, is sent {@code {"type":"bye"}}; what either had queued for the other is dropped.
 * </ul>
 *
 * <p>No I/O and no clock of its own: sockets are {@link Connection}s, time comes from the injected
 * clock, and {@link #sweep} must be called every so often to apply the deadlines. Thread-safe:
 * each room is changed only inside {@link ConcurrentHashMap#compute} for its id, and messages are
 * handed to sockets inside it, so two operations on one room never interleave.
 */
public final class AppRtcRooms {

  private static final CloseReason LEFT = new CloseReason(1000, "left the room");
  private static final CloseReason REPLACED = new CloseReason(1000, "another socket registered as this client");

  private final AppRtcLimits limits;
  private final LongSupplier nanoClock;
  private final Supplier<String> clientIds;
  private final SignalingEvents events;
  private final ConcurrentHashMap<String, AppRtcRoom> rooms = new ConcurrentHashMap<>();
  private final AtomicInteger registered = new AtomicInteger();

  /**
   * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime} outside tests)
   * @param clientIds draws the id of each new client ({@link #randomClientIds()} outside tests)
   */
  public AppRtcRooms(AppRtcLimits limits, LongSupplier nanoClock, Supplier<String> clientIds, SignalingEvents events) {
    this.limits = limits;
    this.nanoClock = nanoClock;
    this.clientIds = clientIds;
    this.events = events;
  }

  /** apprtc.py's ids: 8 random decimal digits. Not a secret (AppRTC has no authentication), but not guessable in order. */
  public static Supplier<String> randomClientIds() {
    SecureRandom random = new SecureRandom();
    return () -> {
      String digits = Integer.toString(random.nextInt(100_000_000));
      return "00000000".substring(digits.length()) + digits; // String.format parses its pattern on every call
    };
  }

  /** {@code POST /join/{room}}: a new client enters the room, made if needed. */
  public JoinResult join(String roomId) {
    JoinResult[] result = new JoinResult[1];
    rooms.compute(roomId, (id, existing) -> {
      if (existing == null && rooms.size() >= limits.maxRooms()) {
        result[0] = JoinResult.refused(RoomResult.ERROR);
        return null;
      }
      AppRtcRoom room = existing != null ? existing : new AppRtcRoom();
      if (room.size() >= AppRtcRoom.CAPACITY) {
        result[0] = JoinResult.refused(RoomResult.FULL);
        return room;
      }
      String clientId = clientIds.get();
      if (room.find(clientId) != null) {
        result[0] = JoinResult.refused(RoomResult.DUPLICATE_CLIENT);
        return room;
      }
      boolean initiator = room.isEmpty();
      List<String> messages = initiator ? List.of() : room.first().mailbox.drain();
      room.add(new Member(clientId, initiator, limits, deadline(limits.registerTimeout().toNanos())));
      result[0] = new JoinResult(RoomResult.SUCCESS, clientId, initiator, messages);
      return room;
    });
    if (result[0].result() == RoomResult.SUCCESS) {
      events.roomJoined(AppRtcDialect.NAME);
    }
    return result[0];
  }

  /**
   * {@code POST /message/{room}/{client}}: kept in the sender's mailbox while it is alone, else
   * sent on as through Collider. {@link RoomResult#ERROR} when the mailbox or queue is full.
   */
  public RoomResult message(String roomId, String clientId, String text) {
    RoomResult[] result = {RoomResult.UNKNOWN_ROOM};
    rooms.computeIfPresent(roomId, (id, room) -> {
      Member sender = room.find(clientId);
      if (sender == null) {
        result[0] = RoomResult.UNKNOWN_CLIENT;
      } else if (room.size() == 1) {
        result[0] = sender.mailbox.add(text) ? RoomResult.SUCCESS : RoomResult.ERROR;
      } else {
        result[0] = forward(room, sender, text) == Delivery.QUEUE_FULL ? RoomResult.ERROR : RoomResult.SUCCESS;
      }
      return room;
    });
    return result[0];
  }

  /**
   * Collider's {@code send}: {@code text} to the other client of the room. {@code from} is the
   * socket it came on, which must be the sender's registered one; null for Collider's HTTP POST.
   */
  public Delivery send(String roomId, String clientId, String text, Connection from) {
    Delivery[] result = {Delivery.UNKNOWN_CLIENT};
    rooms.computeIfPresent(roomId, (id, room) -> {
      Member sender = room.find(clientId);
      if (sender != null && (from == null || sender.connection == from)) {
        result[0] = forward(room, sender, text);
      }
      return room;
    });
    return result[0];
  }

  private Delivery forward(AppRtcRoom room, Member sender, String text) {
    Member recipient = room.other(sender);
    if (recipient != null && recipient.connection != null) {
      recipient.connection.send(ColliderFrames.message(text));
      events.messageRelayed(AppRtcDialect.NAME, 1);
      return Delivery.DELIVERED;
    }
    return sender.queue.add(text) ? Delivery.QUEUED : Delivery.QUEUE_FULL;
  }

  /**
   * Collider's {@code register}: binds {@code connection} to a client that joined, hands it what
   * the other client queued, and stops its deadline. A socket already registered as that client
   * is closed: the client has moved. False when the room has no such client.
   */
  public boolean register(String roomId, String clientId, Connection connection) {
    boolean[] done = {false};
    rooms.computeIfPresent(roomId, (id, room) -> {
      Member member = room.find(clientId);
      if (member == null) {
        return room;
      }
      if (member.connection == null) {
        registered.incrementAndGet();
      } else if (member.connection != connection) {
        member.connection.close(REPLACED);
      }
      member.connection = connection;
      member.deadline = Member.NO_DEADLINE;
      Member other = room.other(member);
      if (other != null) {
        List<String> queued = other.queue.drain();
        queued.forEach(text -> connection.send(ColliderFrames.message(text)));
        if (!queued.isEmpty()) {
          events.messageRelayed(AppRtcDialect.NAME, queued.size());
        }
      }
      done[0] = true;
      return room;
    });
    return done[0];
  }

  /**
   * {@code connection}, registered as the client, is gone: the client keeps its place for the
   * roaming grace. Nothing happens when another socket has taken the client over since.
   */
  public void unregister(String roomId, String clientId, Connection connection) {
    rooms.computeIfPresent(roomId, (id, room) -> {
      Member member = room.find(clientId);
      if (member != null && member.connection == connection) {
        member.connection = null;
        member.deadline = deadline(limits.roamingGrace().toNanos());
        registered.decrementAndGet();
      }
      return room;
    });
  }

  /** {@code POST /leave/{room}/{client}} and Collider's {@code DELETE}: the client is gone for good. */
  public RoomResult leave(String roomId, String clientId) {
    RoomResult[] result = {RoomResult.UNKNOWN_ROOM};
    rooms.computeIfPresent(roomId, (id, room) -> {
      Member member = room.find(clientId);
      if (member == null) {
        result[0] = RoomResult.UNKNOWN_CLIENT;
        return room;
      }
      remove(room, member);
      result[0] = RoomResult.SUCCESS;
      return room.isEmpty() ? null : room;
    });
    return result[0];
  }

  /** Removes every client whose register timeout or roaming grace has run out; drops empty rooms. */
  public void sweep() {
    long now = nanoClock.getAsLong();
    for (String roomId : rooms.keySet()) {
      rooms.computeIfPresent(roomId, (id, room) -> {
        for (Member member : room.expired(now)) {
          events.error(AppRtcDialect.NAME, ErrorKind.REGISTER_TIMEOUT);
          remove(room, member);
        }
        return room.isEmpty() ? null : room;
      });
    }
  }

  private void remove(AppRtcRoom room, Member member) {
    room.remove(member);
    if (member.connection != null) {
      registered.decrementAndGet();
      member.connection.close(LEFT);
    }
    Member other = room.other(member);
    if (other != null) {
      other.initiator = true;
      other.queue.clear();
      if (other.connection != null) {
        other.connection.send(ColliderFrames.message(ColliderFrames.BYE));
        events.messageRelayed(AppRtcDialect.NAME, 1);
      }
    }
  }

  private long deadline(long fromNowNanos) {
    return nanoClock.getAsLong() + fromNowNanos;
  }

  /** Rooms that exist now. */
  public int roomCount() {
    return rooms.size();
  }

  /** Clients with a registered socket now (Collider's {@code openws}). */
  public int registeredCount() {
    return registered.get();
  }
}
