package dev.junction.server.nativev1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.server.signaling.WsClient;
import java.net.http.WebSocket;
import java.util.function.Consumer;

/**
 * A client of the native protocol for tests, over the JDK's WebSocket ({@link WsClient}). It
 * checks what every client may rely on: frames of a session arrive numbered 1, 2, 3, … with no
 * gap and no repeat, also across a resume. It acknowledges every {@value #ACK_EVERY} frames, as a
 * real client would, and remembers the session's id and secret for {@link #resume}.
 */
final class V1Client implements AutoCloseable {

  static final String SUBPROTOCOL = "junction.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ACK_EVERY = 32;

  private final String url;
  private final WsClient socket;
  private String session;
  private String secret;
  private long lastSeq;
  private long unacked;

  private V1Client(String url, WsClient socket, long lastSeq) {
    this.url = url;
    this.socket = socket;
    this.lastSeq = lastSeq;
  }

  /** Connects to {@code ws://127.0.0.1:<port>/ws/v1}, offering the protocol's subprotocol and any {@code extraSubprotocols}. */
  static V1Client connect(int port, String... extraSubprotocols) throws Exception {
    return connect(port, builder -> { }, extraSubprotocols);
  }

  static V1Client connect(int port, Consumer<WebSocket.Builder> customize, String... extraSubprotocols)
      throws Exception {
    String url = "ws://127.0.0.1:" + port + "/ws/v1";
    String[] offered = new String[extraSubprotocols.length + 1];
    offered[0] = SUBPROTOCOL;
    System.arraycopy(extraSubprotocols, 0, offered, 1, extraSubprotocols.length);
    return new V1Client(url, WsClient.connect(url, customize, offered), 0);
  }

  /** Connects and says hello as {@code identity} (no token); returns the welcome. */
  static V1Client hello(int port, String identity) throws Exception {
    V1Client client = connect(port);
    client.send(frame("hello").put("identity", identity));
    client.welcome();
    return client;
  }

  /** Reads the welcome and keeps its session id and secret. */
  JsonNode welcome() throws Exception {
    JsonNode welcome = next("welcome");
    session = welcome.get("session").asText();
    secret = welcome.get("secret").asText();
    return welcome;
  }

  /** Opens a new connection that resumes this client's session from the last frame it saw. */
  V1Client resume() throws Exception {
    V1Client resumed = new V1Client(url, WsClient.connect(url, builder -> { }, SUBPROTOCOL), lastSeq);
    resumed.session = session;
    resumed.secret = secret;
    resumed.send(frame("resume").put("session", session).put("secret", secret).put("lastSeq", lastSeq));
    return resumed;
  }

  static ObjectNode frame(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  V1Client send(ObjectNode frame) {
    socket.send(frame.toString());
    return this;
  }

  V1Client sendText(String text) {
    socket.send(text);
    return this;
  }

  /** Joins {@code room} and returns the {@code joined} answer. */
  JsonNode join(String room) throws Exception {
    send(frame("join").put("room", room));
    return next("joined");
  }

  /** The next frame. A numbered frame must be the one after the last; every {@value #ACK_EVERY} are acknowledged. */
  JsonNode next() throws Exception {
    JsonNode frame = socket.next();
    if (frame.has("seq")) {
      assertThat(frame.get("seq").asLong()).as("seq of %s after %d", frame, lastSeq).isEqualTo(lastSeq + 1);
      lastSeq++;
      if (++unacked >= ACK_EVERY) {
        ack();
      }
    }
    return frame;
  }

  /** The next frame, which must be of {@code type}. */
  JsonNode next(String type) throws Exception {
    JsonNode frame = next();
    assertThat(frame.path("type").asText()).as("type of %s", frame).isEqualTo(type);
    return frame;
  }

  /** Skips frames until one of {@code type}. */
  JsonNode nextOfType(String type) throws Exception {
    for (int i = 0; i < 2_000; i++) {
      JsonNode frame = next();
      if (frame.path("type").asText().equals(type)) {
        return frame;
      }
    }
    throw new AssertionError("no '" + type + "' among the next 2000 frames");
  }

  /** The error frame that must come next, with {@code code}. */
  JsonNode error(String code) throws Exception {
    JsonNode error = next("error");
    assertThat(error.get("code").asText()).as("error %s", error).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
    return error;
  }

  /** Acknowledges every frame so far; on a socket the server has closed the ack is lost, as a real client's would be. */
  void ack() {
    socket.trySend(JSON.createObjectNode().put("type", "ack").put("ack", lastSeq).toString());
    unacked = 0;
  }

  long lastSeq() {
    return lastSeq;
  }

  String subprotocol() {
    return socket.subprotocol();
  }

  void expectSilence(long millis) throws Exception {
    socket.expectSilence(millis);
  }

  int closeCode() throws Exception {
    return socket.closeCode();
  }

  boolean isOpen() {
    return socket.isOpen();
  }

  /** Drops the TCP connection without a close handshake: a lost network. */
  void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    socket.close();
  }
}
