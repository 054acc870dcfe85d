package dev.junction.bench.rooms;

import dev.junction.bench.Inbound;
import dev.junction.bench.Wire;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * One client of a room: connects, says hello where the dialect has one, joins its room and from
 * then on hands every relayed {@code message} to the listener. A native-protocol client
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

    /** A protocol error after the join: an {@code error} frame, a fragmented message. */
    void error(RoomClient c, String what);
  }

  enum State { NEW, CONNECTING, AWAIT_WELCOME, AWAIT_JOINED, READY, CLOSING, CLOSED }

  private static final byte[] SEQ_KEY = Wire.ascii("\"seq\":");
  private static final int ACK_EVERY = 32;

  final String identity;
  final Room room;
  /** 0 for the room's sender, 1.. for its receivers. */
  final int slot;
  private final RoomDialect dialect;
  private final Listener listener;
  private final Acks acks = new Acks(ACK_EVERY);

  private State state = State.NEW;
  private ClientWebSocket ws;
  /** When {@link #open} was called, for the join latency. */
  long openedNs;
  private boolean joinReported;

  RoomClient(String identity, Room room, int slot, RoomDialect dialect, Listener listener) {
    this.identity = identity;
    this.room = room;
    this.slot = slot;
    this.dialect = dialect;
    this.listener = listener;
  }

  void open(ClientWebSocket socket, WebSocketConnectOptions options) {
    openedNs = System.nanoTime();
    ws = socket;
    state = State.CONNECTING;
    ws.frameHandler(this::onFrame);
    ws.exceptionHandler(t -> failJoin("socket: " + t));
    ws.closeHandler(v -> onClose());
    ws.connect(new WebSocketConnectOptions(options)).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
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

  void send(String text) {
    ws.writeTextMessage(text);
  }

  boolean writeQueueFull() {
    return ws.writeQueueFull();
  }

  ClientWebSocket socket() {
    return ws;
  }

  void close() {
    if (ws != null && state != State.CLOSED && state != State.CLOSING) {
      state = State.CLOSING;
      ws.close();
    }
  }

  private void sendJoin() {
    state = State.AWAIT_JOINED;
    ws.writeTextMessage(dialect.join(room.name, identity));
  }

  private void onFrame(WebSocketFrame f) {
    if (!f.isText() && !f.isBinary()) return; // control frames are Vert.x's business
    if (!f.isFinal()) {
      // room messages here are a few hundred bytes; neither server splits such a message
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
    String type = m.type();
    switch (state) {
      case AWAIT_WELCOME -> {
        if ("welcome".equals(type)) sendJoin();
        else if ("error".equals(type)) refused(m);
      }
      case AWAIT_JOINED -> {
        if ("joined".equals(type)) {
          state = State.READY;
          joinReported = true;
          listener.joined(this);
        } else if ("error".equals(type)) {
          refused(m);
        }
      }
      case READY -> {
        if ("message".equals(type)) listener.delivered(this, m);
        else if ("error".equals(type)) listener.error(this, m.toString());
        // presence (peer-joined, peer-left, ...) needs no answer
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
    if (before == State.CLOSING || before == State.CLOSED) return;
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
