package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A real WebSocket client for protocol tests: the JDK's own implementation, independent of the
 * Vert.x server it talks to. Collects every message and the close code.
 */
public final class WsClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket socket;

  private WsClient(HttpClient http, URI uri, Consumer<WebSocket.Builder> customize, String... subprotocols)
      throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
    customize.accept(builder);
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    socket = builder.buildAsync(uri, new Collector()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Opens a socket to {@code uri}, offering {@code subprotocols}. */
  public static WsClient connect(String uri, String... subprotocols) throws Exception {
    return connect(HttpClient.newHttpClient(), uri, subprotocols);
  }

  /** Opens a socket through {@code http} (for example one that trusts a test certificate). */
  public static WsClient connect(HttpClient http, String uri, String... subprotocols) throws Exception {
    return new WsClient(http, URI.create(uri), builder -> { }, subprotocols);
  }

  /** Opens a socket to {@code uri} once {@code customize} has set what the test needs (headers). */
  public static WsClient connect(String uri, Consumer<WebSocket.Builder> customize, String... subprotocols)
      throws Exception {
    return new WsClient(HttpClient.newHttpClient(), URI.create(uri), customize, subprotocols);
  }

  public String subprotocol() {
    return socket.getSubprotocol();
  }

  /** Sends one text message and waits until it is handed to the network. */
  public WsClient send(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  /** Sends one text message; false instead of an exception when the server has closed the socket. */
  public boolean trySend(String text) {
    try {
      send(text);
      return true;
    } catch (RuntimeException closedByServer) {
      return false;
    }
  }

  /**
   * Sends {@code message(0)}, {@code message(1)}, … every 10 ms until {@code going} turns false
   * (at most 2,000): a call trickling candidates while a test does something else. Returns how many it sent.
   */
  public int trickle(IntFunction<String> message, AtomicBoolean going) {
    int sent = 0;
    while (going.get() && sent < 2_000) {
      send(message.apply(sent));
      sent++;
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return sent;
  }

  public WsClient sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
    return this;
  }

  /** The next message, failing the test if none arrives in time. */
  public JsonNode next() throws Exception {
    String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (text == null) {
      fail("no message within " + WAIT);
    }
    return JSON.readTree(text);
  }

  /** The next message, which must be of {@code type}. */
  public JsonNode next(String type) throws Exception {
    JsonNode message = next();
    assertThat(message.path("type").asText()).as("type of %s", message).isEqualTo(type);
    return message;
  }

  /** Skips messages until one of {@code type} arrives. */
  public JsonNode nextOfType(String type) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode message = next();
      if (message.path("type").asText().equals(type)) {
        return message;
      }
    }
    throw new AssertionError("no '" + type + "' message among the next 100");
  }

  /** The next message within {@code millis}, or null. */
  public JsonNode poll(long millis) throws Exception {
    String text = received.poll(millis, TimeUnit.MILLISECONDS);
    return text == null ? null : JSON.readTree(text);
  }

  /** Asserts nothing arrives for {@code millis}. */
  public void expectSilence(long millis) throws Exception {
    String text = received.poll(millis, TimeUnit.MILLISECONDS);
    assertThat(text).as("unexpected message").isNull();
  }

  /** Drops whatever has arrived so far. */
  public void drain() {
    received.clear();
  }

  /** The close code the server sent, waiting for it. */
  public int closeCode() throws Exception {
    return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isOpen() {
    return !socket.isInputClosed() && !closeCode.isDone();
  }

  /** Drops the TCP connection without a close handshake, as a crashed client or lost network does. */
  public void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ignored -> null);
    }
    socket.abort();
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(-1);
    }
  }
}
