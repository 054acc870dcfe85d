package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * One client of a room: takes its seat over HTTP where the dialect needs it (AppRTC's join),
 * connects, says hello where the dialect has one, joins (AppRTC: registers) and from then on
 * hands every relayed message to the listener. A native-protocol client acknowledges the
 * numbered frames it receives. All methods run on the event loop the client was opened on.
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
  }

  enum State { NEW, SEATING, CONNECTING, AWAIT_WELCOME, AWAIT_JOINED, READY, LEAVING, CLOSING, CLOSED }

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
  private ClientWebSocket ws;
  /** The id AppRTC's join drew for this client; null for the other dialects. */
  private String clientId;
  /** When {@link #open} was called, for the join latency. */
  long openedNs;
  private boolean joinReported;

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

  void open(ClientWebSocket socket, WebSocketConnectOptions options) {
    openedNs = System.nanoTime();
    ws = socket;
    if (roomServer == null) {
      connect(options);
      return;
    }
    state = State.SEATING;
    roomServer.join(room.name).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
        closed.tryComplete();
        failJoin("join: " + ar.cause().getMessage());
      } else if (!ar.result().wssUrl().equals(roomServer.colliderUrl())) {
        state = State.CLOSED;
        closed.tryComplete();
        failJoin("the join answer sends the client to " + ar.result().wssUrl() + ", not " + roomServer.colliderUrl());
      } else {
        clientId = ar.result().clientId();
        connect(options);
      }
    });
  }

  private void connect(WebSocketConnectOptions options) {
    state = State.CONNECTING;
    ws.frameHandler(this::onFrame);
    ws.exceptionHandler(t -> failJoin("socket: " + t));
    ws.closeHandler(v -> onClose());
    ws.connect(new WebSocketConnectOptions(options)).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
        closed.tryComplete();
        failJoin("connect: " + ar.cause());
        return;
      }
      String hello = dialect.hello(identity);
      if (hello != null) {
        state = State.AWAIT_WELCOME;
        ws.writeTextMessage(hello);
      } else {
        sendJoin();
      }
    });
  }

  boolean ready() {
    return state == State.READY;
  }

  ClientWebSocket socket() {
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
    String bye = dialect.leave();
    if (bye != null) ws.writeTextMessage(bye);
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
    Future<Void> written = ws.writeTextMessage(dialect.join(room.name, clientId != null ? clientId : identity));
    if (!dialect.joinAnswered) {
      // Collider answers a register only when it refuses it: the client is in once the frame is out
      written.onComplete(ar -> {
        if (ar.succeeded() && state == State.AWAIT_JOINED) becomeReady();
        else if (ar.failed()) failJoin("register: " + ar.cause());
      });
    }
  }

  private void becomeReady() {
    state = State.READY;
    joinReported = true;
    listener.joined(this);
  }

  private void onFrame(WebSocketFrame f) {
    if (!f.isText() && !f.isBinary()) return; // control frames are Vert.x's business
    if (!f.isFinal()) {
      // room messages here are a few hundred bytes; no server under test splits such a message
      listener.error(this, "fragmented message");
      return;
    }
    onMessage(new Inbound(f.binaryData()));
  }

  private void onMessage(Inbound m) {
    if (dialect.acknowledges) {
      long seq = m.longValue(SEQ_KEY, -1);
      if (seq > 0) {
        long ack = acks.received(seq);
        if (ack > 0) ws.writeTextMessage(RoomDialect.ack(ack));
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
      case READY, LEAVING -> {
        if (frame == RoomDialect.Frame.MESSAGE) listener.delivered(this, m);
        else if (frame == RoomDialect.Frame.ERROR) listener.error(this, m.toString());
      }
      default -> {}
    }
  }

  private void refused(Inbound m) {
    state = State.CLOSING;
    ws.close();
    failJoin("server refused: " + m);
  }

  private void onClose() {
    State before = state;
    state = State.CLOSED;
    closed.tryComplete();
    if (before == State.LEAVING || before == State.CLOSING || before == State.CLOSED) return;
    if (before == State.READY) listener.disconnected(this);
    else failJoin("closed by the server while " + before);
  }

  private void failJoin(String reason) {
    if (!joinReported) {
      joinReported = true;
      listener.joinFailed(this, reason);
    }
  }
}
