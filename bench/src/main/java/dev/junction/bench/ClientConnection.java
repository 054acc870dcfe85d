package dev.junction.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/**
 * One MDN-dialect client: connects, waits for {@code {"type":"id"}}, sends its {@code username}
 * and counts itself logged in once a {@code userlist} naming it arrives (the server sends that
 * list to everyone right after it stores the name, so from then on messages targeted at this name
 * reach it). Afterwards every message that is not server chatter goes to the listener. All
 * methods run on the event loop of the context the connection was opened on.
 */
final class ClientConnection {

  /** What happens to a connection, reported on its event loop. */
  interface Listener {
    void loggedIn(ClientConnection c);

    void loginFailed(ClientConnection c, String reason);

    /** A message relayed from another client (not id/userlist/rejectusername). */
    void relayed(ClientConnection c, Inbound message);

    /** The server sent something else after login (a userlist, ...). */
    default void chatter(ClientConnection c, String type) {}

    /** The server refused something we sent with an {@code error} message (Junction's addition to MDN). */
    void serverError(ClientConnection c, Inbound message);

    /** The socket closed and we did not close it. {@code wasReady}: after login. */
    void disconnected(ClientConnection c, boolean wasReady);

    void error(ClientConnection c, Throwable t);
  }

  enum State { NEW, CONNECTING, AWAIT_ID, AWAIT_USERLIST, READY, CLOSING, CLOSED }

  private static final int MAX_MESSAGE = 64 * 1024 * 1024;

  final int index;
  final String name;
  private final byte[] quotedName;
  final byte[] targetMarker;
  private final boolean login;
  private final Listener listener;

  private State state = State.NEW;
  private ClientWebSocket ws;
  private long serverId = -1;
  private Buffer partial;
  /** The login outcome goes to the listener exactly once (a failed connect may also close). */
  private boolean loginReported;

  /** The pair this connection belongs to in a traffic run; null for idle connections. */
  Pair pair;

  ClientConnection(int index, String name, boolean login, Listener listener) {
    this.index = index;
    this.name = name;
    this.quotedName = Wire.ascii("\"" + name + "\"");
    this.targetMarker = Wire.ascii("\"target\":\"" + name + "\"");
    this.login = login;
    this.listener = listener;
  }

  /** Must be called on the event loop this connection should live on. */
  void open(ClientWebSocket socket, WebSocketConnectOptions options) {
    ws = socket;
    state = State.CONNECTING;
    ws.frameHandler(this::onFrame);
    ws.exceptionHandler(t -> listener.error(this, t));
    ws.closeHandler(v -> onClose());
    ws.connect(new WebSocketConnectOptions(options)).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
        reportLoginFailure("connect: " + ar.cause());
      } else if (state == State.CONNECTING) {
        state = State.AWAIT_ID;
      }
    });
  }

  ClientWebSocket socket() {
    return ws;
  }

  State state() {
    return state;
  }

  boolean ready() {
    return state == State.READY;
  }

  long serverId() {
    return serverId;
  }

  /** Closes the socket; the close is not counted as a disconnect. */
  void close() {
    if (ws != null && state != State.CLOSED && state != State.CLOSING) {
      state = State.CLOSING;
      ws.close();
    }
  }

  private void onClose() {
    State before = state;
    state = State.CLOSED;
    if (before == State.CLOSING || before == State.CLOSED) return;
    if (before == State.READY) {
      listener.disconnected(this, true);
    } else {
      reportLoginFailure("closed by server while " + before);
    }
  }

  private void onFrame(WebSocketFrame f) {
    if (f.isText() || f.isBinary()) {
      if (f.isFinal()) {
        onMessage(f.binaryData());
      } else {
        partial = Buffer.buffer().appendBuffer(f.binaryData());
      }
    } else if (f.isContinuation()) {
      if (partial == null) {
        listener.error(this, new IllegalStateException("continuation frame without a first frame"));
        return;
      }
      if (partial.length() + f.binaryData().length() > MAX_MESSAGE) {
        partial = null;
        listener.error(this, new IllegalStateException("message over " + MAX_MESSAGE + " bytes"));
        return;
      }
      partial.appendBuffer(f.binaryData());
      if (f.isFinal()) {
        Buffer m = partial;
        partial = null;
        onMessage(m);
      }
    }
  }

  private void onMessage(Buffer buffer) {
    Inbound m = new Inbound(buffer);
    if (state == State.CONNECTING) state = State.AWAIT_ID; // the id can arrive with the handshake
    switch (state) {
      case AWAIT_ID -> {
        if (!"id".equals(m.type())) return; // anything before the id is ignored, as MDN's client does
        serverId = m.longValue(Wire.ID_KEY, -1);
        if (!login) {
          becomeReady();
          return;
        }
        ws.writeTextMessage("{\"type\":\"username\",\"id\":" + serverId + ",\"name\":\"" + name
            + "\",\"date\":" + System.currentTimeMillis() + "}");
        state = State.AWAIT_USERLIST;
      }
      case AWAIT_USERLIST -> {
        String type = m.type();
        if ("userlist".equals(type)) {
          if (m.contains(quotedName)) becomeReady();
        } else if ("error".equals(type)) {
          state = State.CLOSING;
          ws.close();
          reportLoginFailure("server refused the login: " + m);
        } else if ("rejectusername".equals(type)) {
          state = State.CLOSING;
          ws.close();
          reportLoginFailure("server renamed " + name + ": " + m);
        }
      }
      case READY -> {
        String type = m.type();
        if ("error".equals(type)) {
          listener.serverError(this, m);
        } else if (type == null || "userlist".equals(type) || "id".equals(type) || "rejectusername".equals(type)) {
          listener.chatter(this, type);
        } else {
          listener.relayed(this, m);
        }
      }
      default -> {}
    }
  }

  private void becomeReady() {
    state = State.READY;
    if (!loginReported) {
      loginReported = true;
      listener.loggedIn(this);
    }
  }

  private void reportLoginFailure(String reason) {
    if (!loginReported) {
      loginReported = true;
      listener.loginFailed(this, reason);
    }
  }
}
