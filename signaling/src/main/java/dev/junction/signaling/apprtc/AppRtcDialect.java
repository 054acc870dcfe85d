package dev.junction.signaling.apprtc;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Dialect;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Google's AppRTC: the room server's HTTP API (join, message, leave) and Collider's WebSocket
 * relay ({@code register}, {@code send}) and HTTP send, over one {@link AppRtcRooms} table.
 * Wire-compatible with AppRTC's web client and its Android and iOS apps.
 *
 * <p>The transport calls {@link #open} for each Collider socket and the HTTP layer calls the other
 * public methods; {@link #sweep} must run every second or so to apply the register timeout and the
 * roaming grace. Thread-safe.
 */
public final class AppRtcDialect implements Dialect {

  public static final String NAME = "apprtc";

  private final AppRtcRooms rooms;
  private final AppRtcLimits limits;
  private final LongSupplier nanoClock;
  private final SignalingEvents events;
  /** Open Collider sockets, for the register timeout of those that never register. */
  private final Set<ColliderSession> sessions = ConcurrentHashMap.newKeySet();
  private final LongAdder registrations = new LongAdder();
  private final LongAdder socketErrors = new LongAdder();
  private final LongAdder httpErrors = new LongAdder();

  /**
   * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime} outside tests)
   * @param clientIds draws new client ids ({@link AppRtcRooms#randomClientIds()} outside tests)
   */
  public AppRtcDialect(AppRtcLimits limits, LongSupplier nanoClock, Supplier<String> clientIds, SignalingEvents events) {
    this.rooms = new AppRtcRooms(limits, nanoClock, clientIds, events);
    this.limits = limits;
    this.nanoClock = nanoClock;
    this.events = events;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** A Collider socket; it names its room in {@code register}, so {@code roomName} is unused (null). */
  @Override
  public ClientSession open(Connection connection, String roomName) {
    ColliderSession session = new ColliderSession(connection, this, events,
        nanoClock.getAsLong() + limits.registerTimeout().toNanos());
    sessions.add(session);
    return session;
  }

  /** {@code POST /join/{room}}. */
  public JoinResult join(String roomId) {
    JoinResult result = rooms.join(roomId);
    switch (result.result()) {
      case FULL -> events.error(NAME, ErrorKind.ROOM_FULL);
      case ERROR -> events.error(NAME, ErrorKind.ROOM_LIMIT);
      default -> { }
    }
    return result;
  }

  /** {@code POST /message/{room}/{client}}. */
  public RoomResult message(String roomId, String clientId, String text) {
    events.messageReceived(NAME);
    RoomResult result = rooms.message(roomId, clientId, text);
    switch (result) {
      case UNKNOWN_ROOM, UNKNOWN_CLIENT -> events.error(NAME, ErrorKind.UNKNOWN_CLIENT);
      case ERROR -> events.error(NAME, ErrorKind.QUEUE_FULL);
      default -> { }
    }
    return result;
  }

  /** {@code POST /leave/{room}/{client}}. */
  public RoomResult leave(String roomId, String clientId) {
    return rooms.leave(roomId, clientId);
  }

  /** Collider's {@code POST /{room}/{client}}: a message sent over HTTP instead of the socket. */
  public Delivery post(String roomId, String clientId, String text) {
    events.messageReceived(NAME);
    Delivery delivery = rooms.send(roomId, clientId, text, null);
    switch (delivery) {
      case QUEUE_FULL -> httpError(ErrorKind.QUEUE_FULL);
      case UNKNOWN_CLIENT -> httpError(ErrorKind.UNKNOWN_CLIENT);
      default -> { }
    }
    return delivery;
  }

  /** Collider's {@code DELETE /{room}/{client}}: the client and what it queued are removed. */
  public void delete(String roomId, String clientId) {
    rooms.leave(roomId, clientId);
  }

  /** A refused HTTP request of Collider's that the dialect did not see (a bad path or body). */
  public void httpError(ErrorKind kind) {
    events.error(NAME, kind);
    httpErrors.increment();
  }

  /** Applies the deadlines: clients that did not register or come back in time, sockets that never registered. */
  public void sweep() {
    rooms.sweep();
    long now = nanoClock.getAsLong();
    sessions.removeIf(session -> session.closeIfUnregistered(now));
  }

  public ColliderStatus status() {
    return new ColliderStatus(rooms.registeredCount(), registrations.sum(), socketErrors.sum(), httpErrors.sum());
  }

  /** Rooms that exist now. */
  public int roomCount() {
    return rooms.roomCount();
  }

  AppRtcRooms rooms() {
    return rooms;
  }

  void forget(ColliderSession session) {
    sessions.remove(session);
  }

  void countRegistration() {
    registrations.increment();
  }

  void countSocketError() {
    socketErrors.increment();
  }
}
