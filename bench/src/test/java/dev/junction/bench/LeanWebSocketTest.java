package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator's lean WebSocket client against Vert.x's server: handshake, frames both ways, pings, closing. */
class LeanWebSocketTest {

  private EventLoops loops;
  private HttpServer server;
  private final Queue<String> events = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws Exception {
    loops = new EventLoops(1);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close().await(10, TimeUnit.SECONDS);
    loops.close();
  }

  /** A server on a free loopback port whose accepted sockets go to {@code onSocket}; 404 off {@code /ws}. */
  private WebSocketTarget serve(Consumer<ServerWebSocket> onSocket) throws Exception {
    server = loops.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .setWebSocketSubProtocols(List.of("json")).setMaxWebSocketFrameSize(1 << 20)
            .setMaxWebSocketMessageSize(1 << 20))
        .webSocketHandshakeHandler(h -> {
          if (h.path().equals("/ws")) h.accept();
          else h.reject(404);
        })
        .webSocketHandler(onSocket::accept)
        .listen().await(10, TimeUnit.SECONDS);
    return WebSocketTarget.of("ws://127.0.0.1:" + server.actualPort() + "/ws", List.of("json"));
  }

  private LeanWebSocket connect(WebSocketTarget target) {
    LeanWebSocket[] socket = new LeanWebSocket[1];
    loops.context(0).runOnContext(v -> socket[0] = LeanWebSocket.connect(loops.context(0), target,
        new LeanWebSocket.Listener() {
          @Override
          public void opened() {
            events.add("opened");
          }

          @Override
          public void message(Inbound message) {
            events.add("message " + message.length() + " " + message.type());
          }

          @Override
          public void fragmented() {
            events.add("fragmented");
          }

          @Override
          public void closed(String failure) {
            events.add("closed " + failure);
          }
        }));
    await().atMost(Duration.ofSeconds(5)).until(() -> socket[0] != null);
    return socket[0];
  }

  private void awaitEvents(String... expected) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).containsExactly(expected));
  }

  @Test
  void textGoesBothWaysWholeEvenWhenAMessageSpansManyReads() throws Exception {
    Queue<String> received = new ConcurrentLinkedQueue<>();
    String big = "{\"type\":\"big\",\"pad\":\"" + "x".repeat(300_000) + "\"}";
    WebSocketTarget target = serve(ws -> ws.textMessageHandler(text -> {
      received.add(text);
      ws.writeTextMessage("{\"type\":\"echo\"}");
      ws.writeTextMessage(big);
    }));
    LeanWebSocket socket = connect(target);
    awaitEvents("opened");
    loops.context(0).runOnContext(v -> socket.send("{\"type\":\"hello\",\"n\":1}"));

    awaitEvents("opened", "message 15 echo", "message " + big.length() + " big");
    assertThat(received).containsExactly("{\"type\":\"hello\",\"n\":1}");
  }

  @Test
  void aPingIsAnsweredWithItsPayloadAndTheConnectionStaysOpen() throws Exception {
    Queue<String> pongs = new ConcurrentLinkedQueue<>();
    WebSocketTarget target = serve(ws -> {
      ws.pongHandler(data -> pongs.add(data.toString()));
      ws.writePing(Buffer.buffer("are you there"));
    });
    connect(target);
    await().atMost(Duration.ofSeconds(5)).until(() -> pongs.contains("are you there"));
    assertThat(events).containsExactly("opened");
  }

  @Test
  void theServersCloseIsAnsweredAndReportedAsACleanClose() throws Exception {
    WebSocketTarget target = serve(ws -> ws.close((short) 1000, "bye"));
    connect(target);
    awaitEvents("opened", "closed null");
  }

  @Test
  void ourCloseEndsTheConnectionWhenTheServerAnswersIt() throws Exception {
    Queue<Short> closeCodes = new ConcurrentLinkedQueue<>();
    WebSocketTarget target = serve(ws -> ws.closeHandler(v -> closeCodes.add(ws.closeStatusCode())));
    LeanWebSocket socket = connect(target);
    awaitEvents("opened");
    loops.context(0).runOnContext(v -> socket.close());
    awaitEvents("opened", "closed null");
    assertThat(closeCodes).containsExactly((short) 1000);
  }

  @Test
  void aMessageSplitOverFramesIsReportedOnceAsFragmented() throws Exception {
    WebSocketTarget target = serve(ws -> {
      ws.writeFrame(WebSocketFrame.textFrame("{\"type\":", false));
      ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("\"split\"}"), true));
    });
    connect(target);
    awaitEvents("opened", "fragmented");
  }

  @Test
  void aRefusedUpgradeIsAFailureThatNamesTheStatus() throws Exception {
    serve(ws -> {});
    connect(WebSocketTarget.of("ws://127.0.0.1:" + server.actualPort() + "/nowhere", List.of()));
    awaitEvents("closed upgrade refused: HTTP/1.1 404 Not Found");
  }

  @Test
  void aPortWithNoServerIsAConnectFailure() throws Exception {
    serve(ws -> {});
    int port = server.actualPort();
    server.close().await(10, TimeUnit.SECONDS);
    server = null;
    connect(WebSocketTarget.of("ws://127.0.0.1:" + port + "/ws", List.of()));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(events).singleElement().asString().startsWith("closed connect: "));
  }
}
