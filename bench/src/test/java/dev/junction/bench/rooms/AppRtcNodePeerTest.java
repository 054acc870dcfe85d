package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.bench.EventLoops;
import dev.junction.bench.RunOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's AppRTC peer ({@code bench/peers/ws-relay/apprtc.js}, run by Node) speaks
 * AppRTC's room server and Collider as Junction does (docs/API.md, "AppRTC dialect"): the same
 * join params with TURN REST credentials minted per join, the first client's mailbox in the second
 * one's join answer, Collider's relay and queue, the leave's {@code bye} and close, Collider's
 * refusals, and the load the rooms benchmark runs. A fresh peer per test, so Collider's counts are
 * the test's own.
 */
class AppRtcNodePeerTest {

  private static final String TURN_SECRET = "test-turn-secret-0123456789";
  /** The params Junction's join answer holds (docs/API.md); the peer must send each of them. */
  private static final Set<String> JUNCTION_PARAMS = Set.of("room_id", "client_id", "is_initiator", "messages",
      "room_link", "wss_url", "wss_post_url", "pc_config", "ice_server_url", "ice_server_transports", "pc_constraints",
      "offer_options", "media_constraints", "is_loopback", "bypass_join_confirmation", "version_info",
      "error_messages", "warning_messages");
  private static final String BYE = "{\"msg\":\"{\\\"type\\\":\\\"bye\\\"}\",\"error\":\"\"}";

  // HTTP/1.1 as AppRTC's clients speak it (the JDK's default, HTTP/2, would ask to upgrade each request)
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private NodePeer peer;
  private String base;

  @BeforeEach
  void startPeer() throws Exception {
    peer = NodePeer.start("apprtc.js", Map.of("TURN_SECRET", TURN_SECRET));
    base = "http://127.0.0.1:" + peer.port() + "/apprtc";
  }

  @AfterEach
  void stopPeer() throws Exception {
    if (peer == null) return;
    try {
      assertThat(peer.isAlive()).as("the peer survived the test; it printed:%n%s", peer.output()).isTrue();
    } finally {
      peer.close();
    }
  }

  @Test
  void theJoinAnswersWithJunctionsParamsAndFullForAThirdClient() throws Exception {
    JsonObject first = post("/join/r1?tt=udp", "");
    assertThat(first.getString("result")).isEqualTo("SUCCESS");
    JsonObject params = first.getJsonObject("params");
    assertThat(params.fieldNames()).containsExactlyInAnyOrderElementsOf(JUNCTION_PARAMS);
    assertThat(params.getString("client_id")).matches("\\d{8}");
    assertThat(params.getString("is_initiator")).isEqualTo("true");
    assertThat(params.getString("room_id")).isEqualTo("r1");
    assertThat(params.getJsonArray("messages")).isEmpty();
    assertThat(params.getString("wss_url")).isEqualTo("ws://127.0.0.1:" + peer.port() + "/apprtc/collider/ws");
    assertThat(params.getString("wss_post_url")).isEqualTo(base + "/collider");
    assertThat(params.getString("ice_server_transports")).isEqualTo("udp");
    assertThat(params.getString("is_loopback")).isEqualTo("false");
    assertThat(new JsonObject(params.getString("media_constraints")).getBoolean("video")).isTrue();
    JsonObject pcConfig = new JsonObject(params.getString("pc_config"));
    assertThat(pcConfig.getString("bundlePolicy")).isEqualTo("max-bundle");
    assertThat(pcConfig.getString("rtcpMuxPolicy")).isEqualTo("require");
    // the client reads the answer as it reads Junction's
    assertThat(AppRtcAnswers.join(first.encode()).initiator()).isTrue();

    JsonObject second = post("/join/r1", "").getJsonObject("params");
    assertThat(second.getString("is_initiator")).isEqualTo("false");
    assertThat(second.getString("client_id")).matches("\\d{8}").isNotEqualTo(params.getString("client_id"));

    JsonObject third = post("/join/r1", "");
    assertThat(third.getString("result")).isEqualTo("FULL");
    assertThat(third.getJsonObject("params").getJsonArray("messages")).isEmpty();
  }

  @Test
  void everyJoinCarriesTurnRestCredentialsMintedForTheCaller() throws Exception {
    JsonObject params = post("/join/r1", "").getJsonObject("params");
    JsonArray servers = new JsonObject(params.getString("pc_config")).getJsonArray("iceServers");
    assertThat(servers.getJsonObject(0).getJsonArray("urls").getString(0)).startsWith("stun:127.0.0.1:");
    JsonObject turn = servers.getJsonObject(1);
    assertThat(turn.getJsonArray("urls").getList()).hasSize(2)
        .allSatisfy(url -> assertThat((String) url).startsWith("turn:127.0.0.1:"));
    String username = turn.getString("username");
    assertThat(username).matches("\\d+:127\\.0\\.0\\.1"); // <expiry>:<caller>, as Junction names them
    long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
    assertThat(expiry - Instant.now().getEpochSecond()).isBetween(3500L, 3700L);
    assertThat(turn.getString("credential")).isEqualTo(hmacSha1Base64(TURN_SECRET, username));
    // the ICE server URL the answer names serves the same, freshly minted
    JsonArray iceConfig = post("/v1alpha/iceconfig", "").getJsonArray("iceServers");
    assertThat(iceConfig.getJsonObject(1).getString("credential"))
        .isEqualTo(hmacSha1Base64(TURN_SECRET, iceConfig.getJsonObject(1).getString("username")));
  }

  @Test
  void whatTheFirstClientPostsAloneReachesTheSecondInItsJoinAnswerThenGoesThroughCollider() throws Exception {
    String first = clientId(post("/join/r1", ""));
    assertThat(post("/message/r1/" + first, "offer").getString("result")).isEqualTo("SUCCESS");
    JsonObject empty = post("/message/r1/" + first, "");
    assertThat(empty.getString("result")).isEqualTo("ERROR");
    assertThat(empty.getString("error")).isNotBlank();
    assertThat(post("/message/r2/" + first, "x").getString("result")).isEqualTo("UNKNOWN_ROOM");
    assertThat(post("/message/r1/12345678", "x").getString("result")).isEqualTo("UNKNOWN_CLIENT");

    JsonObject second = post("/join/r1", "").getJsonObject("params");
    assertThat(second.getJsonArray("messages").getList()).containsExactly("offer");
    // the mailbox was emptied; now the second client is in, a post waits for its socket
    assertThat(post("/message/r1/" + first, "candidate").getString("result")).isEqualTo("SUCCESS");
    try (Collider socket = Collider.open(http, peer.port())) {
      socket.send(register("r1", second.getString("client_id")));
      assertThat(socket.next()).isEqualTo(message("candidate"));
    }
  }

  @Test
  void colliderRelaysSendsAndQueuesThemForAClientNotYetRegistered() throws Exception {
    String a = clientId(post("/join/r1", ""));
    String b = clientId(post("/join/r1", ""));
    try (Collider socketA = Collider.open(http, peer.port()); Collider socketB = Collider.open(http, peer.port())) {
      socketA.send(register("r1", a));
      socketA.send(send("offer \"1\""));
      socketA.send(send("offer 2"));
      awaitOpenSockets(1);
      socketB.send(register("r1", b));
      assertThat(socketB.next()).isEqualTo(message("offer \"1\""));
      assertThat(socketB.next()).isEqualTo(message("offer 2"));
      socketB.send(send("answer"));
      assertThat(socketA.next()).isEqualTo(message("answer"));
      assertThat(status().getInteger("openws")).isEqualTo(2);
      assertThat(status().getInteger("totalws")).isEqualTo(2);
    }
    // a closed socket is no longer registered
    awaitOpenSockets(0);
  }

  @Test
  void leavingTellsTheOtherClientByeAndClosesTheLeaversSocket() throws Exception {
    String a = clientId(post("/join/r1", ""));
    String b = clientId(post("/join/r1", ""));
    try (Collider socketA = Collider.open(http, peer.port()); Collider socketB = Collider.open(http, peer.port())) {
      socketA.send(register("r1", a));
      socketB.send(register("r1", b));
      awaitOpenSockets(2);

      assertThat(post("/leave/r1/" + a, "").getString("result")).isEqualTo("SUCCESS");
      assertThat(socketA.closeCode()).isEqualTo(1000);
      assertThat(socketB.next()).isEqualTo(BYE);
      assertThat(openSockets()).isEqualTo(1);
      assertThat(post("/leave/r1/" + a, "").getString("result")).isEqualTo("UNKNOWN_CLIENT");
      assertThat(post("/leave/r9/" + a, "").getString("result")).isEqualTo("UNKNOWN_ROOM");
      // the seat is free again: a newcomer is the second client
      assertThat(post("/join/r1", "").getJsonObject("params").getString("is_initiator")).isEqualTo("false");
    }
  }

  @Test
  void colliderRefusesBadFramesWithAnErrorAndKeepsTheSocketOpen() throws Exception {
    String a = clientId(post("/join/r1", ""));
    try (Collider socket = Collider.open(http, peer.port())) {
      socket.send("{not json");
      assertThat(error(socket.next())).startsWith("Invalid JSON");
      socket.send(send("too early"));
      assertThat(error(socket.next())).isEqualTo("Client not registered");
      socket.send("{\"cmd\":\"shout\"}");
      assertThat(error(socket.next())).isEqualTo("Invalid message: unexpected 'cmd'");
      socket.send("{\"cmd\":\"register\",\"roomid\":\"r1\"}");
      assertThat(error(socket.next())).isEqualTo("Invalid register request: missing 'clientid' or 'roomid'");
      socket.send(register("r1", "00000000"));
      assertThat(error(socket.next())).startsWith("Unknown client 00000000 in room r1");
      socket.send(register("r1", a));
      socket.send(register("r1", a));
      assertThat(error(socket.next())).isEqualTo("Duplicated register request");
      socket.send("{\"cmd\":\"send\",\"msg\":\"\"}");
      assertThat(error(socket.next())).isEqualTo("Invalid send request: missing 'msg'");
      assertThat(status().getInteger("wserrors")).isEqualTo(7);
      assertThat(openSockets()).isEqualTo(1); // the refusals left the registration standing
    }
  }

  @Test
  void aSecondSocketRegisteringAsTheClientTakesOverAndTheFirstIsClosed() throws Exception {
    String a = clientId(post("/join/r1", ""));
    String b = clientId(post("/join/r1", ""));
    try (Collider first = Collider.open(http, peer.port()); Collider second = Collider.open(http, peer.port());
        Collider other = Collider.open(http, peer.port())) {
      first.send(register("r1", a));
      other.send(register("r1", b));
      awaitOpenSockets(2);
      second.send(register("r1", a));
      assertThat(first.closeCode()).isEqualTo(1000);
      other.send(send("to the new socket"));
      assertThat(second.next()).isEqualTo(message("to the new socket"));
      assertThat(openSockets()).isEqualTo(2);
    }
  }

  @Test
  void idsOutsideAppRtcsAlphabetAndWrongMethodsAreRefusedWithAProblem() throws Exception {
    HttpResponse<String> badId = http.send(request("/join/a.b").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(badId.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(badId.body()).getString("detail")).contains("\"a.b\"");
    HttpResponse<String> get = http.send(request("/join/r1").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    String first = clientId(post("/join/r1", ""));
    HttpResponse<String> tooLong = http.send(request("/message/r1/" + first)
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tooLong.statusCode()).isEqualTo(413);
  }

  @Test
  void theRoomsLoadJoinsEveryClientAndColliderCountsThemAllRegistered() throws Exception {
    ResultLine r = load("joins", 1);
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("clients", "8").containsEntry("joined", "8")
        .containsEntry("registered", "8").containsEntry("failed", "0").containsEntry("errors", "0");
    // the warm-up clients left and the measured ones closed: nobody is registered any more
    awaitOpenSockets(0);
  }

  @Test
  void theRoomsLoadFansOutThroughColliderWithoutALostOrStrayMessage() throws Exception {
    ResultLine r = load("fanout", 0);
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("room_size", "2")
        .containsEntry("join_failures", "0").containsEntry("errors", "0").containsEntry("disconnects", "0")
        .containsEntry("malformed", "0").containsEntry("misrouted", "0");
    assertThat(r.number("delivered")).isGreaterThan(10);
  }

  @Test
  void theRoomsLoadRejoinsOverHttpWithNoFailure() throws Exception {
    ResultLine r = load("rejoins", 0);
    assertThat(r.fields()).containsEntry("ok", "true").containsEntry("join_failures", "0").containsEntry("errors", "0")
        .containsEntry("disconnects", "0").containsEntry("stalled", "0");
    assertThat(r.number("joined")).isGreaterThan(8);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A short run of the benchmark's AppRTC client: 4 rooms of 2, 1 s measured. */
  private ResultLine load(String scenario, int joinWarmup) throws Exception {
    RunOptions run = new RunOptions(base, 1, 0, 4, 8, 30, 2, -1, 100, "node-apprtc");
    RoomOptions options = new RoomOptions(run, RoomDialect.APPRTC, scenario, 4, 2, 50, joinWarmup);
    try (EventLoops el = new EventLoops(2)) {
      return ResultLine.parse(RoomLoad.run(el, options));
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
  }

  private JsonObject post(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return new JsonObject(response.body());
  }

  private JsonObject status() throws Exception {
    HttpResponse<String> response = http.send(request("/collider/status").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private int openSockets() throws Exception {
    return AppRtcAnswers.openSockets(status().encode());
  }

  /** Waits until Collider counts {@code n} registered sockets: a register has no answer to wait for. */
  private void awaitOpenSockets(int n) {
    await().atMost(Duration.ofSeconds(5)).until(() -> openSockets() == n);
  }

  private static String clientId(JsonObject joinAnswer) {
    return AppRtcAnswers.join(joinAnswer.encode()).clientId();
  }

  private static String register(String room, String client) {
    return new JsonObject().put("cmd", "register").put("roomid", room).put("clientid", client).encode();
  }

  private static String send(String text) {
    return new JsonObject().put("cmd", "send").put("msg", text).encode();
  }

  /** What Collider delivers for {@code text}: both fields, msg first, as Junction writes it. */
  private static String message(String text) {
    return new JsonObject().put("msg", text).put("error", "").encode();
  }

  /** The error text of a refusal, which must have an empty msg. */
  private static String error(String frame) {
    JsonObject refusal = new JsonObject(frame);
    assertThat(refusal.getString("msg")).as(frame).isEmpty();
    return refusal.getString("error");
  }

  private static String hmacSha1Base64(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A Collider WebSocket client: the text frames it receives in order, and how the server closed it. */
  private static final class Collider implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Collider open(HttpClient http, int port) throws Exception {
      Collider c = new Collider();
      c.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/apprtc/collider/ws"), c).get(10, TimeUnit.SECONDS);
      return c;
    }

    void send(String text) throws Exception {
      socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** The next frame, within 5 s. */
    String next() throws InterruptedException {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("a frame from Collider within 5 s").isNotNull();
      return frame;
    }

    /** The close code the server sent, within 5 s. */
    int closeCode() throws Exception {
      return closed.get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
      socket.abort();
    }
  }
}
