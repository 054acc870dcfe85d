package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.LeanWebSocket;
import dev.junction.bench.LoopWriter;
import dev.junction.bench.WebSocketTarget;
import dev.junction.bench.Wire;
import io.netty.channel.ChannelFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Context;

/**
 * One client of a room: takes its seat over HTTP where the dialect needs it (AppRTC's join),
 * connects, says hello where the dialect has one, joins (AppRTC: registers) and from then on
 * hands every relayed message to the listener. Once in, it may {@link #rejoin}: leave its room
 * and join it again on the open session, one rejoin at a time. A native-protocol client
 * acknowledges the numbered frames it receives. All methods run on the event loop the client was
 * opened on.
 */
final class RoomClient {

  /** What happens to a client, reported on its event loop. */
  interface Listener {
    void joined(RoomClient c);

    void joinFailed(RoomClient c, String reason);

    void delivered(RoomClient c, Inbound message);

    /** The socket closed and we did not close it, after the join. */
    void disconnected(RoomClient c);

    /** A protocol error after the join: an error frame, a fragmented message, a refused leave. */
    void error(RoomClient c, String what);

    /** The client is back in its room, {@code latencyNs} after its rejoin was sent. */
    void rejoined(RoomClient c, long latencyNs);

    /** A rejoin failed (refused, answered out of turn, the socket closed); the client rejoins no more. */
    void rejoinFailed(RoomClient c, String reason);
  }

  /**
   * Where the client is. A rejoin goes READY, then AWAIT_LEFT (native, whose leave is answered) or
   * AWAIT_REJOINED (the Node peer), or RESEATING (AppRTC, over HTTP), then READY again; a failed
   * rejoin leaves the client STRANDED: still connected, out of the load.
   */
  enum State {
    NEW, SEATING, CONNECTING, AWAIT_WELCOME, AWAIT_JOINED, READY, AWAIT_LEFT, AWAIT_REJOINED, RESEATING, STRANDED,
    LEAVING, CLOSING, CLOSED
  }

  private static final byte[] SEQ_KEY = Wire.ascii("\"seq\":");
  private static final int ACK_EVERY = 32;

  /** The bench's name for the client (its identity where the dialect takes one). */
  final String identity;
  /** The client's number in the run; room messages carry their sender's as {@code benchFrom}. */
  final int number;
  final Room room;
  /** 0 for the room's sender, 1.. for its receivers. */
  final int slot;
  private final RoomDialect dialect;
  private final AppRtcRoomServer roomServer;
  private final Listener listener;
  private final Acks acks = new Acks(ACK_EVERY);
  private final Promise<Void> closed = Promise.promise();

  private State state = State.NEW;
  private LeanWebSocket ws;
  /** The id AppRTC's join drew for this client; null for the other dialects. */
  private String clientId;
  /** When {@link #open} was called, for the join latency. */
  long openedNs;
  private boolean joinReported;
  /** When the rejoin in flight was sent. */
  private long rejoinSentNs;
  /** AppRTC's leave closes the client's Collider socket: from its first rejoin on, that close is expected. */
  private boolean socketReleased;

  /** @param roomServer AppRTC's room server (its HTTP join comes first); null for the other dialects */
  RoomClient(String identity, int number, Room room, int slot, RoomDialect dialect, AppRtcRoomServer roomServer,
      Listener listener) {
    this.identity = identity;
    this.number = number;
    this.room = room;
    this.slot = slot;
    this.dialect = dialect;
    this.roomServer = roomServer;
    this.listener = listener;
  }

  /** Connects to {@code target} on {@code context}'s event loop (AppRTC: after its HTTP join) and joins. */
  void open(Context context, WebSocketTarget target) {
    openedNs = System.nanoTime();
    if (roomServer == null) {
      connect(context, target);
      return;
    }
    state = State.SEATING;
    roomServer.join(room.name).onComplete(ar -> {
      String problem = ar.failed() ? "join: " + ar.cause().getMessage() : misdirected(ar.result());
      if (problem != null) {
        state = State.CLOSED;
        closed.tryComplete();
        failJoin(problem);
      } else {
        clientId = ar.result().clientId();
        connect(context, target);
      }
    });
  }

  private void connect(Context context, WebSocketTarget target) {
    state = State.CONNECTING;
    ws = LeanWebSocket.connect(context, target, new LeanWebSocket.Listener() {
      @Override
      public void opened() {
        onOpen();
      }

      @Override
      public void message(Inbound message) {
        onMessage(message);
      }

      @Override
      public void fragmented() {
        // room messages here are a few hundred bytes; no server under test splits such a message
        listener.error(RoomClient.this, "fragmented message");
      }

      @Override
      public void closed(String failure) {
        onClose(failure);
      }
    });
  }

  private void onOpen() {
    String hello = dialect.hello(identity);
    if (hello != null) {
      state = State.AWAIT_WELCOME;
      ws.send(hello);
    } else {
      sendJoin();
    }
  }

  /** Why an AppRTC join answer is no seat for this load, or null: it must send the client to this server's Collider. */
  private String misdirected(AppRtcAnswers.Seat seat) {
    return seat.wssUrl().equals(roomServer.colliderUrl()) ? null
        : "the join answer sends the client to " + seat.wssUrl() + ", not " + roomServer.colliderUrl();
  }

  boolean ready() {
    return state == State.READY;
  }

  /** How long the rejoin in flight has waited, or -1 when none is. */
  long rejoinWaitingNs(long now) {
    return state == State.AWAIT_LEFT || state == State.AWAIT_REJOINED || state == State.RESEATING
        ? now - rejoinSentNs : -1;
  }

  /**
   * Leaves the room and joins it again; the listener hears {@code rejoined} or {@code rejoinFailed}.
   * Over WebSocket the leave and the join go out back to back in one write through {@code writer}:
   * a server handles a connection's frames in order, so the join meets a client that has left.
   * AppRTC leaves and joins over HTTP, one request after the other (two keep-alive connections
   * could deliver them in either order), and its new client id replaces the old one. Only READY
   * clients rejoin.
   */
  void rejoin(LoopWriter writer) {
    if (state != State.READY) throw new IllegalStateException(identity + " rejoins while " + state);
    rejoinSentNs = System.nanoTime();
    if (roomServer != null) {
      reseat();
      return;
    }
    writer.write(ws, dialect.leave(room.name));
    writer.write(ws, dialect.join(room.name, identity));
    state = dialect.leaveAnswered ? State.AWAIT_LEFT : State.AWAIT_REJOINED;
  }

  private void reseat() {
    state = State.RESEATING;
    socketReleased = true;
    roomServer.leave(room.name, clientId).compose(v -> roomServer.join(room.name)).onComplete(ar -> {
      if (state != State.RESEATING) return; // closed by the load meanwhile
      String problem = ar.failed() ? ar.cause().getMessage() : misdirected(ar.result());
      if (problem != null) {
        failRejoin(problem);
      } else {
        clientId = ar.result().clientId();
        rejoined();
      }
    });
  }

  private void rejoined() {
    state = State.READY;
    listener.rejoined(this, System.nanoTime() - rejoinSentNs);
  }

  private void failRejoin(String reason) {
    state = State.STRANDED;
    listener.rejoinFailed(this, reason);
  }

  LeanWebSocket socket() {
    return ws;
  }

  /**
   * Leaves the room as a real client of the dialect does when it hangs up (native {@code bye},
   * AppRTC {@code POST /leave}) and closes the socket; completes once the socket is closed.
   */
  Future<Void> leave() {
    if (state != State.READY) {
      close();
      return ws == null || state == State.NEW ? Future.succeededFuture() : closed.future();
    }
    state = State.LEAVING;
    String bye = dialect.hangUp();
    if (bye != null) ws.send(bye);
    if (roomServer == null) {
      close();
    } else {
      roomServer.leave(room.name, clientId).onComplete(ar -> {
        if (ar.failed()) listener.error(this, "leave: " + ar.cause().getMessage());
        close();
      });
    }
    return closed.future();
  }

  void close() {
    if (ws == null || state == State.NEW || state == State.CLOSING || state == State.CLOSED) return;
    state = State.CLOSING;
    ws.close();
  }

  private void sendJoin() {
    state = State.AWAIT_JOINED;
    ChannelFuture written = ws.send(dialect.join(room.name, clientId != null ? clientId : identity));
    if (!dialect.joinAnswered) {
      // Collider answers a register only when it refuses it: the client is in once the frame is out
      written.addListener(f -> {
        if (f.isSuccess() && state == State.AWAIT_JOINED) becomeReady();
        else if (!f.isSuccess()) failJoin("register: " + f.cause());
      });
    }
  }

  private void becomeReady() {
    state = State.READY;
    joinReported = true;
    listener.joined(this);
  }

  private void onMessage(Inbound m) {
    if (dialect.acknowledges) {
      long seq = m.longValue(SEQ_KEY, -1);
      if (seq > 0) {
        long ack = acks.received(seq);
        if (ack > 0) ws.send(RoomDialect.ack(ack));
      }
    }
    RoomDialect.Frame frame = dialect.classify(m);
    switch (state) {
      case AWAIT_WELCOME -> {
        if (frame == RoomDialect.Frame.WELCOME) sendJoin();
        else if (frame == RoomDialect.Frame.ERROR) refused(m);
      }
      case AWAIT_JOINED -> {
        if (frame == RoomDialect.Frame.JOINED) becomeReady();
        else if (frame == RoomDialect.Frame.ERROR) refused(m);
      }
      case READY, RESEATING, STRANDED, LEAVING -> {
        if (frame == RoomDialect.Frame.MESSAGE) listener.delivered(this, m);
        else if (frame == RoomDialect.Frame.ERROR) listener.error(this, m.toString());
      }
      case AWAIT_LEFT -> {
        if (frame == RoomDialect.Frame.LEFT) state = State.AWAIT_REJOINED;
        else otherWhileRejoining(frame, m);
      }
      case AWAIT_REJOINED -> {
        if (frame == RoomDialect.Frame.JOINED) rejoined();
        else otherWhileRejoining(frame, m);
      }
      default -> {}
    }
  }

  /** A frame other than the awaited answer while rejoining: presence and messages pass, answers fail it. */
  private void otherWhileRejoining(RoomDialect.Frame frame, Inbound m) {
    switch (frame) {
      case MESSAGE -> listener.delivered(this, m);
      case ERROR -> failRejoin("server refused: " + m);
      case JOINED, LEFT, WELCOME -> failRejoin("unexpected while " + state + ": " + m);
      default -> {} // presence: the other members' leaves and joins
    }
  }

  private void refused(Inbound m) {
    state = State.CLOSING;
    ws.close();
    failJoin("server refused: " + m);
  }

  /** @param failure why the connection failed (connect, upgrade, protocol), or null when it closed */
  private void onClose(String failure) {
    closed.tryComplete();
    if (socketReleased) return; // AppRTC's leave closed it; the client goes on over HTTP
    State before = state;
    state = State.CLOSED;
    String why = failure != null ? failure : "closed by the server while " + before;
    switch (before) {
      case LEAVING, CLOSING, CLOSED -> {}
      case READY, STRANDED -> listener.disconnected(this);
      case AWAIT_LEFT, AWAIT_REJOINED -> listener.rejoinFailed(this, why);
      default -> failJoin(why);
    }
  }

  private void failJoin(String reason) {
    if (!joinReported) {
      joinReported = true;
      listener.joinFailed(this, reason);
    }
  }
}
