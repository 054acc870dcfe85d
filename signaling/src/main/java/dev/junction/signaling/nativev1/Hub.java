package dev.junction.signaling.nativev1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Names;
import dev.junction.signaling.SignalingEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The state of the native protocol: sessions by id and identity, rooms, and every session's
 * outbox. Each operation checks that the connection calling it still speaks for its session, so
 * a connection replaced by a resume, a kick or a newer session changes nothing.
 *
 * <p>Time comes from the injected clock and the hub owns no timer: the server calls {@link #sweep}
 * every few hundred milliseconds to close connections that never said hello, expire waiting
 * messages and end sessions whose grace window has closed.
 *
 * <p>Thread-safe: every method holds the hub's monitor. {@link Connection#send} only enqueues on
 * the recipient's event loop, so sending under the monitor never blocks and keeps each client's
 * frames in the order of their {@code seq}. Token signatures are verified before the monitor is
 * taken ({@link NativeClient}).
 */
public final class Hub {

  private static final String DIALECT = NativeDialect.NAME;
  private static final int SESSION_ID_BYTES = 16;
  private static final int SECRET_BYTES = 32;

  private final NativeSettings settings;
  private final LongSupplier nanoClock;
  private final SignalingEvents events;
  private final Map<String, Session> bySessionId = new HashMap<>();
  private final Map<String, Session> byIdentity = new HashMap<>();
  private final Map<String, NativeRoom> rooms = new TreeMap<>();
  private final Map<Connection, Long> awaitingHello = new IdentityHashMap<>();

  /**
   * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  public Hub(NativeSettings settings, LongSupplier nanoClock, SignalingEvents events) {
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.events = events;
  }

  // ---- connections and sessions

  /** A new connection: it has {@code helloTimeoutMillis} to say hello or resume. */
  synchronized void opened(Connection connection) {
    awaitingHello.put(connection, nanoClock.getAsLong());
  }

  /** A connection closed before it was welcomed. */
  synchronized void closedBeforeWelcome(Connection connection) {
    awaitingHello.remove(connection);
  }

  /**
   * Welcomes {@code connection} as {@code principal}, applying the duplicate-identity policy; null
   * when it was refused (the error is sent and the connection closed) or is no longer waiting.
   */
  synchronized Session hello(Connection connection, Principal principal) {
    if (awaitingHello.remove(connection) == null) {
      return null;
    }
    String identity = principal.identity();
    boolean renamed = false;
    Session holder = byIdentity.get(identity);
    if (holder != null) {
      switch (settings.duplicateIdentity()) {
        case REJECT -> {
          refuse(connection, ErrorCode.IDENTITY_TAKEN, "the identity " + identity + " is in use by another session");
          return null;
        }
        case RENAME -> {
          identity = Identities.firstFree(identity, byIdentity::containsKey);
          renamed = true;
        }
        case REPLACE -> end(holder, Goodbye.REPLACED, "replaced");
      }
    }
    Session session = new Session(Identities.random(SESSION_ID_BYTES), Identities.random(SECRET_BYTES), principal,
        identity, new Outbox(settings.ackWindow(), settings.queueMaxMessages(), settings.queueMaxBytes()), connection);
    bySessionId.put(session.id(), session);
    byIdentity.put(identity, session);
    sendServer(session, Frames.welcome(session, renamed, settings));
    return session;
  }

  /**
   * Gives the session {@code sessionId} to {@code connection} when {@code secret} is its secret
   * and {@code lastSeq} a frame it sent: the frames after {@code lastSeq} are sent again, then
   * {@code resumed}, then whatever waited. Null when refused (the session, if any, waits on).
   */
  synchronized Session resume(Connection connection, String sessionId, String secret, long lastSeq) {
    if (awaitingHello.remove(connection) == null) {
      return null;
    }
    Session session = bySessionId.get(sessionId);
    if (session == null || !sameText(session.secret(), secret)) {
      refuse(connection, ErrorCode.RESUME_FAILED, "no session has that id and secret: it ended (its grace window "
          + "passed, it said bye, or it was kicked or replaced) or never existed; say hello for a new one");
      return null;
    }
    Optional<List<String>> replay = session.outbox().replayAfter(lastSeq);
    if (replay.isEmpty()) {
      refuse(connection, ErrorCode.RESUME_FAILED, "lastSeq " + lastSeq + " is not a frame this client can be "
          + "missing: the server sent up to " + session.outbox().lastSent() + " and keeps only unacknowledged frames");
      return null;
    }
    Connection previous = session.connection();
    if (previous != null) {
      sayGoodbye(previous, Goodbye.RESUMED_ELSEWHERE);
    }
    session.attach(connection);
    replay.get().forEach(connection::send);
    session.outbox().addServerFrameFirst(Frames.resumed(session, replay.get().size()), nanoClock.getAsLong());
    flush(session);
    if (previous == null) {
      announce(session, room -> Frames.peerState(room, session.identity(), "active"));
    }
    events.sessionResumed(DIALECT);
    return session;
  }

  /** The connection of {@code session} dropped: it waits, reconnecting, for a resume. */
  synchronized void lost(Session session, Connection connection) {
    if (!session.isCurrent(connection)) {
      return;
    }
    session.detach(nanoClock.getAsLong());
    announce(session, room -> Frames.peerState(room, session.identity(), "reconnecting"));
  }

  /** {@code bye}: the session ends now, without a grace window. */
  synchronized void bye(Session session, Connection connection) {
    if (session.isCurrent(connection)) {
      end(session, Goodbye.BYE, "left");
    }
  }

  /** Whether a client frame numbered {@code seq} is new; a resumed client may send again what was processed. */
  synchronized boolean admitClientSeq(Session session, Connection connection, long seq) {
    if (!session.isCurrent(connection) || seq <= session.lastClientSeq()) {
      return false;
    }
    session.clientSeq(seq);
    return true;
  }

  synchronized void ack(Session session, Connection connection, long seq) {
    if (session.isCurrent(connection)) {
      session.outbox().ack(seq);
      flush(session);
    }
  }

  synchronized void pong(Session session, Connection connection, String requestId) {
    if (session.isCurrent(connection)) {
      sendServer(session, Frames.pong(requestId));
    }
  }

  /** Sends {@code session} an {@code error} frame in its stream. */
  synchronized void error(Session session, Connection connection, Refusal refusal, String requestId) {
    events.error(DIALECT, refusal.code().kind());
    if (session.isCurrent(connection)) {
      sendServer(session, Frames.error(refusal.code(), refusal.getMessage(), requestId));
    }
  }

  /** Refuses a connection that has no session: an error frame without {@code seq}, then the close. */
  synchronized void refuse(Connection connection, ErrorCode code, String message) {
    awaitingHello.remove(connection);
    events.error(DIALECT, code.kind());
    connection.send(Frames.error(code, message, null));
    connection.close(code.refusalClose());
  }

  // ---- rooms

  synchronized void join(Session session, Connection connection, String roomName, String requestId) {
    if (!session.isCurrent(connection)) {
      return;
    }
    try {
      NativeRoom room = admit(session, roomName);
      String arrival = Frames.peerJoined(roomName, session);
      room.members().forEach(member -> sendServer(member, arrival));
      room.add(session);
      session.rooms().add(roomName);
      sendServer(session, Frames.joined(room, session, requestId));
      events.roomJoined(DIALECT);
    } catch (Refusal refusal) {
      error(session, connection, refusal, requestId);
    }
  }

  /** The room {@code session} may join now (made if new), or why not. */
  private NativeRoom admit(Session session, String roomName) throws Refusal {
    if (!Names.isValidRoomName(roomName)) {
      throw new Refusal(ErrorCode.BAD_ROOM, "a room name is 1 to 64 letters, digits, '_' or '-'");
    }
    if (!session.grants().allowsRoom(roomName)) {
      throw new Refusal(ErrorCode.ROOM_NOT_GRANTED, "your token does not grant the room " + roomName);
    }
    if (session.rooms().contains(roomName)) {
      throw new Refusal(ErrorCode.ALREADY_JOINED, "you are in " + roomName + " already");
    }
    if (session.rooms().size() >= settings.maxRoomsPerPeer()) {
      throw new Refusal(ErrorCode.TOO_MANY_ROOMS, "you are in " + settings.maxRoomsPerPeer()
          + " rooms, the most one client may be in; leave one first");
    }
    NativeRoom room = rooms.get(roomName);
    if (room == null) {
      if (rooms.size() >= settings.maxRooms()) {
        throw new Refusal(ErrorCode.ROOM_LIMIT, "the server has as many rooms as it may hold (" + settings.maxRooms() + ")");
      }
      room = new NativeRoom(roomName, settings.capacityOf(roomName));
      rooms.put(roomName, room);
    }
    if (room.isFull()) {
      throw new Refusal(ErrorCode.ROOM_FULL, "the room " + roomName + " is full: it holds " + room.capacity() + " members");
    }
    return room;
  }

  synchronized void leave(Session session, Connection connection, String roomName, String requestId) {
    if (!session.isCurrent(connection)) {
      return;
    }
    if (!session.rooms().contains(roomName)) {
      error(session, connection, new Refusal(ErrorCode.NOT_IN_ROOM, "you are not in the room " + roomName), requestId);
      return;
    }
    removeFromRoom(session, roomName, "left");
    sendServer(session, Frames.left(roomName, requestId));
  }

  private void removeFromRoom(Session session, String roomName, String reason) {
    NativeRoom room = rooms.get(roomName);
    session.rooms().remove(roomName);
    room.remove(session);
    if (room.isEmpty()) {
      rooms.remove(roomName);
      return;
    }
    String departure = Frames.peerLeft(roomName, session.identity(), reason);
    room.members().forEach(member -> sendServer(member, departure));
  }

  // ---- relay

  /**
   * Relays an offer, answer, candidate or message from {@code session} to {@code to} in {@code
   * roomName}, or to every other member when {@code to} is null: both must be in the room.
   */
  synchronized void relay(Session session, Connection connection, String type, String roomName, String to,
      JsonNode data, String requestId) {
    if (!session.isCurrent(connection)) {
      return;
    }
    try {
      List<Session> recipients = recipients(session, type, roomName, to);
      String body = Frames.relayed(type, roomName, session.identity(), to, data);
      Outbox.Origin origin = new Outbox.Origin(session, roomName, requestId);
      recipients.forEach(recipient -> deliver(recipient, body, origin));
    } catch (Refusal refusal) {
      error(session, connection, refusal, requestId);
    }
  }

  private List<Session> recipients(Session session, String type, String roomName, String to) throws Refusal {
    boolean message = type.equals(NativeClient.MESSAGE);
    if (message ? !session.grants().data() : !session.grants().allowsMedia()) {
      throw new Refusal(ErrorCode.NOT_GRANTED, message
          ? "your token does not grant data: you may not send messages"
          : "your token grants neither publish nor subscribe: you may not negotiate media");
    }
    if (!session.rooms().contains(roomName)) {
      throw new Refusal(ErrorCode.NOT_IN_ROOM, "you are not in the room " + roomName);
    }
    NativeRoom room = rooms.get(roomName);
    if (to == null) {
      List<Session> others = room.members();
      others.remove(session);
      return others;
    }
    Session target = room.member(to);
    if (target == null) {
      throw new Refusal(ErrorCode.PEER_NOT_IN_ROOM, to + " is not in the room " + roomName);
    }
    if (target == session) {
      throw new Refusal(ErrorCode.BAD_MESSAGE, "'to' names yourself");
    }
    return List.of(target);
  }

  private void deliver(Session recipient, String body, Outbox.Origin origin) {
    if (!recipient.outbox().offerRelayed(body, nanoClock.getAsLong(), origin)) {
      tellExpired(origin, recipient.identity(), "queue-full", 1,
          origin.requestId() == null ? List.of() : List.of(origin.requestId()));
      return;
    }
    if (recipient.isConnected()) {
      events.messageRelayed(DIALECT, 1);
    } else {
      events.messageQueued(DIALECT);
    }
    flush(recipient);
  }

  /** Tells each sender, once per room, which of its messages for {@code to} were dropped. */
  private void tellExpired(List<Outbox.Waiting> dropped, String to, String reason) {
    Map<Outbox.Origin, List<String>> idsBySenderAndRoom = new LinkedHashMap<>();
    Map<Outbox.Origin, Integer> counts = new HashMap<>();
    for (Outbox.Waiting waiting : dropped) {
      Outbox.Origin key = new Outbox.Origin(waiting.origin().sender(), waiting.origin().room(), null);
      List<String> ids = idsBySenderAndRoom.computeIfAbsent(key, k -> new ArrayList<>());
      if (waiting.origin().requestId() != null) {
        ids.add(waiting.origin().requestId());
      }
      counts.merge(key, 1, Integer::sum);
    }
    idsBySenderAndRoom.forEach((key, ids) -> tellExpired(key, to, reason, counts.get(key), ids));
  }

  private void tellExpired(Outbox.Origin origin, String to, String reason, int count, List<String> requestIds) {
    events.queuedMessagesExpired(DIALECT, count);
    if (isLive(origin.sender())) {
      sendServer(origin.sender(), Frames.expired(origin.room(), to, reason, count, requestIds));
    }
  }

  // ---- frames

  private void sendServer(Session session, String body) {
    if (!isLive(session)) {
      return;
    }
    session.outbox().addServerFrame(body, nanoClock.getAsLong());
    if (session.outbox().waitingServerFrames() > settings.queueMaxMessages()) {
      end(session, Goodbye.OVERFLOW, "overflow");
      return;
    }
    flush(session);
  }

  private void flush(Session session) {
    if (session.isConnected()) {
      session.outbox().release().forEach(session.connection()::send);
    }
  }

  /** Sends each room of {@code session} what {@code render} makes of the room's name, but not to {@code session}. */
  private void announce(Session session, Function<String, String> render) {
    for (String roomName : session.rooms()) {
      String body = render.apply(roomName);
      for (Session member : rooms.get(roomName).members()) {
        if (member != session) {
          sendServer(member, body);
        }
      }
    }
  }

  /**
   * Ends {@code session}: it leaves its rooms ({@code peer-left} with {@code leaveReason}), the
   * senders of its waiting messages are told, and its connection, if any, gets {@code goodbye}.
   */
  private void end(Session session, Goodbye goodbye, String leaveReason) {
    if (!isLive(session)) {
      return;
    }
    bySessionId.remove(session.id());
    byIdentity.remove(session.identity(), session);
    for (String roomName : List.copyOf(session.rooms())) {
      removeFromRoom(session, roomName, leaveReason);
    }
    tellExpired(session.outbox().drainRelayed(), session.identity(), "peer-left");
    Connection connection = session.connection();
    if (connection != null) {
      session.detach(nanoClock.getAsLong());
      sayGoodbye(connection, goodbye);
    }
  }

  /** {@code goodbye} is about the connection, not part of the session's stream: it has no seq and is never replayed. */
  private static void sayGoodbye(Connection connection, Goodbye goodbye) {
    connection.send(Frames.goodbye(goodbye));
    connection.close(goodbye.close());
  }

  private boolean isLive(Session session) {
    return bySessionId.get(session.id()) == session;
  }

  // ---- time

  /**
   * Closes connections that did not say hello in time, expires relayed messages waiting past the
   * TTL (their senders are told), and ends sessions reconnecting past the grace window.
   */
  public synchronized void sweep() {
    long now = nanoClock.getAsLong();
    long helloNanos = TimeUnit.MILLISECONDS.toNanos(settings.helloTimeoutMillis());
    for (Map.Entry<Connection, Long> waiting : List.copyOf(awaitingHello.entrySet())) {
      if (now - waiting.getValue() >= helloNanos) {
        refuse(waiting.getKey(), ErrorCode.HELLO_TIMEOUT,
            "no hello or resume within " + settings.helloTimeoutMillis() + " ms of connecting");
      }
    }
    long ttlNanos = TimeUnit.MILLISECONDS.toNanos(settings.queueTtlMillis());
    long graceNanos = TimeUnit.MILLISECONDS.toNanos(settings.resumeGraceMillis());
    for (Session session : List.copyOf(bySessionId.values())) {
      if (!isLive(session)) {
        continue;
      }
      tellExpired(session.outbox().expire(now, ttlNanos), session.identity(), "ttl");
      if (!session.isConnected() && now - session.disconnectedNanos() >= graceNanos) {
        end(session, null, "timeout");
      }
    }
  }

  // ---- administration

  /** Every room, by name. */
  public synchronized List<RoomView> rooms() {
    return rooms.values().stream().map(this::view).toList();
  }

  public synchronized Optional<RoomView> room(String name) {
    return Optional.ofNullable(rooms.get(name)).map(this::view);
  }

  /** Every session, by identity. */
  public synchronized List<PeerView> peers() {
    return new TreeMap<>(byIdentity).values().stream().map(Hub::view).toList();
  }

  public synchronized Optional<PeerView> peer(String identity) {
    return Optional.ofNullable(byIdentity.get(identity)).map(Hub::view);
  }

  /** Ends the session of {@code identity} ({@code goodbye} reason {@code kicked}); false when there is none. */
  public synchronized boolean kick(String identity) {
    Session session = byIdentity.get(identity);
    if (session == null) {
      return false;
    }
    end(session, Goodbye.KICKED, "kicked");
    return true;
  }

  /**
   * Closes the connection of {@code identity} with {@code goodbye} reason {@code reconnect}; its
   * session waits for the resume. False when there is no such session.
   */
  public synchronized boolean requestReconnect(String identity) {
    Session session = byIdentity.get(identity);
    if (session == null) {
      return false;
    }
    Connection connection = session.connection();
    if (connection != null) {
      lost(session, connection);
      sayGoodbye(connection, Goodbye.RECONNECT);
    }
    return true;
  }

  /** Closes the room {@code name}: every member is told {@code room-closed} and is out of it. False when there is none. */
  public synchronized boolean closeRoom(String name) {
    NativeRoom room = rooms.remove(name);
    if (room == null) {
      return false;
    }
    String closed = Frames.roomClosed(name);
    for (Session member : room.members()) {
      member.rooms().remove(name);
      sendServer(member, closed);
    }
    return true;
  }

  /** Sends {@code data} to {@code identity} as a {@code server-message}; false when there is no such session. */
  public synchronized boolean sendToPeer(String identity, JsonNode data) {
    Session session = byIdentity.get(identity);
    if (session == null) {
      return false;
    }
    sendServer(session, Frames.serverMessage(null, data));
    return true;
  }

  /** Sends {@code data} to every member of room {@code name}; false when there is no such room. */
  public synchronized boolean sendToRoom(String name, JsonNode data) {
    NativeRoom room = rooms.get(name);
    if (room == null) {
      return false;
    }
    String body = Frames.serverMessage(name, data);
    room.members().forEach(member -> sendServer(member, body));
    return true;
  }

  private RoomView view(NativeRoom room) {
    return new RoomView(room.name(), room.capacity(), room.members().stream().map(Hub::view).toList());
  }

  private static PeerView view(Session session) {
    Connection connection = session.connection();
    return new PeerView(session.identity(), session.name(), connection != null ? "active" : "reconnecting",
        List.copyOf(session.rooms()), session.grants(), connection != null ? connection.remoteAddress() : null);
  }

  private static boolean sameText(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
