package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AppRTC dialect over real HTTP and WebSockets (specs/signaling-anchors.md §3 and §11.3): the
 * room server's join, message and leave, Collider's register and send, its queue, its timers and
 * its status, driven the way AppRTC's web client drives them.
 */
class AppRtcDialectTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BYE_FRAME = "{\"msg\":\"{\\\"type\\\":\\\"bye\\\"}\",\"error\":\"\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<WsClient> sockets = new ArrayList<>();
  private JunctionServer server;

  @AfterEach
  void stop() {
    sockets.forEach(WsClient::close);
    server.stop();
  }

  private void start(String... overrides) {
    server = TestServers.start(overrides);
  }

  private String base() {
    return "http://127.0.0.1:" + server.httpPort() + "/apprtc";
  }

  /** A request as a browser page served from elsewhere makes it (with an Origin), as AppRTC's web app may be. */
  private HttpResponse<String> request(String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).method(method, publisher)
        .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = request("POST", path, body);
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** {@code POST /join/room}: the answer's params, after checking it succeeded. */
  private JsonNode join(String room) throws Exception {
    JsonNode answer = post("/join/" + room, null);
    assertThat(answer.get("result").asText()).isEqualTo("SUCCESS");
    return answer.get("params");
  }

  /** A Collider socket at the join answer's {@code wss_url}, registered as that client. */
  private WsClient register(JsonNode params) throws Exception {
    WsClient socket = connect(params.get("wss_url").asText());
    socket.send(registerCommand(params.get("room_id").asText(), params.get("client_id").asText()));
    return socket;
  }

  /** Alice and Bob joined room {@code r} and registered their sockets, as two web clients do. */
  private record Call(JsonNode alice, WsClient aliceSocket, JsonNode bob, WsClient bobSocket) {}

  /** A call, returned once the server has both registrations (it must have no other sockets). */
  private Call call() throws Exception {
    JsonNode alice = join("r");
    WsClient aliceSocket = register(alice);
    JsonNode bob = join("r");
    Call call = new Call(alice, aliceSocket, bob, register(bob));
    awaitRegisteredSockets(2);
    return call;
  }

  private void awaitRegisteredSockets(int count) {
    await().atMost(Duration.ofSeconds(5)).until(() -> colliderStatus().get("openws").asInt() == count);
  }

  private WsClient connect(String url) throws Exception {
    WsClient socket = WsClient.connect(url);
    sockets.add(socket);
    return socket;
  }

  private String colliderUrl() {
    return "ws://127.0.0.1:" + server.httpPort() + "/apprtc/collider/ws";
  }

  private static String registerCommand(String room, String client) {
    return "{\"cmd\":\"register\",\"roomid\":\"" + room + "\",\"clientid\":\"" + client + "\"}";
  }

  private static String sendCommand(String msg) throws Exception {
    return JSON.writeValueAsString(JSON.createObjectNode().put("cmd", "send").put("msg", msg));
  }

  /** The {@code msg} of the next frame, which must not be an error. */
  private static String nextMsg(WsClient socket) throws Exception {
    JsonNode frame = socket.next();
    assertThat(frame.get("error").asText()).as("error of %s", frame).isEmpty();
    return frame.get("msg").asText();
  }

  private static String nextError(WsClient socket) throws Exception {
    JsonNode frame = socket.next();
    assertThat(frame.get("msg").asText()).isEmpty();
    return frame.get("error").asText();
  }

  @Test
  void theFirstJoinerIsTheInitiatorAndAThirdJoinFindsTheRoomFull() throws Exception {
    start();
    JsonNode first = join("room1");
    JsonNode second = join("room1");
    assertThat(first.get("is_initiator").asText()).isEqualTo("true");
    assertThat(second.get("is_initiator").asText()).isEqualTo("false");
    assertThat(first.get("client_id").asText()).matches("[0-9]{8}").isNotEqualTo(second.get("client_id").asText());
    assertThat(first.get("room_id").asText()).isEqualTo("room1");

    JsonNode third = post("/join/room1", null);
    assertThat(third.get("result").asText()).isEqualTo("FULL");
    assertThat(metrics()).contains("junction_signaling_errors_total{dialect=\"apprtc\",kind=\"room_full\"} 1.0")
        .contains("junction_signaling_room_joins_total{dialect=\"apprtc\"} 2.0");
  }

  @Test
  void theJoinAnswerPointsAtOurColliderAndCarriesOurIceServers() throws Exception {
    start();
    JsonNode params = join("r");
    String host = "127.0.0.1:" + server.httpPort();
    assertThat(params.get("wss_url").asText()).isEqualTo("ws://" + host + "/apprtc/collider/ws");
    assertThat(params.get("wss_post_url").asText()).isEqualTo("http://" + host + "/apprtc/collider");
    assertThat(params.get("ice_server_url").asText()).isEqualTo("http://" + host + "/apprtc/v1alpha/iceconfig");
    assertThat(params.get("room_link").asText()).isEqualTo("http://" + host + "/apprtc/r/r");
    // apprtc.py sends pc_config as JSON text, and the clients parse it so.
    JsonNode pcConfig = JSON.readTree(params.get("pc_config").asText());
    assertThat(pcConfig.get("bundlePolicy").asText()).isEqualTo("max-bundle");
    JsonNode turn = pcConfig.get("iceServers").get(1);
    assertThat(turn.get("urls").get(0).asText()).isEqualTo("turn:127.0.0.1:" + server.turnPort() + "?transport=udp");
    assertThat(turn.get("username").asText()).matches("[0-9]+:127\\.0\\.0\\.1");
    assertThat(turn.has("credential")).isTrue();
    assertThat(JSON.readTree(params.get("media_constraints").asText()).get("video").asBoolean()).isTrue();
    assertThat(params.get("messages").isArray()).isTrue();
  }

  @Test
  void paramsAndIceconfigAnswerAsAppRtcsDoAndAnyOriginMayAsk() throws Exception {
    start();
    HttpResponse<String> params = http.send(HttpRequest.newBuilder(URI.create(base() + "/params?tt=udp"))
        .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(params.statusCode()).isEqualTo(200);
    assertThat(params.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    JsonNode body = JSON.readTree(params.body());
    assertThat(body.get("ice_server_transports").asText()).isEqualTo("udp");
    assertThat(body.has("client_id")).isFalse();
    assertThat(body.get("wss_url").asText()).endsWith("/apprtc/collider/ws");

    JsonNode ice = post("/v1alpha/iceconfig?key=ignored", null);
    assertThat(ice.get("iceServers").get(0).get("urls").get(0).asText()).startsWith("stun:127.0.0.1:");
  }

  @Test
  void withIceServersKeptOutOfPcConfigClientsFetchThemFromTheIceServerUrl() throws Exception {
    start("apprtc.iceServersInPcConfig=false");
    JsonNode params = join("r");
    assertThat(JSON.readTree(params.get("pc_config").asText()).get("iceServers").size()).isZero();
    HttpResponse<String> ice = http.send(HttpRequest.newBuilder(URI.create(params.get("ice_server_url").asText()))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(ice.body()).get("iceServers").size()).isEqualTo(2);
  }

  @Test
  void withIceAccessByTokenOnlyABearerGetsIceServersThroughAppRtc() throws Exception {
    String secret = "an-hs256-secret-of-at-least-32-characters";
    start("ice.access=token", "ice.tokenSecret=" + secret);
    JsonNode anonymous = join("r");
    assertThat(JSON.readTree(anonymous.get("pc_config").asText()).get("iceServers").size()).isZero();
    assertThat(request("POST", "/v1alpha/iceconfig", null).statusCode()).isEqualTo(401);

    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
        new JWTClaimsSet.Builder().expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    // AppRTC's web client appends its page's query to /join, so a token in the room link reaches us.
    JsonNode bearer = post("/join/r?access_token=" + jwt.serialize(), null).get("params");
    assertThat(JSON.readTree(bearer.get("pc_config").asText()).get("iceServers").size()).isEqualTo(2);
  }

  @Test
  void whatTheInitiatorPostsAloneIsInTheSecondJoinersMessages() throws Exception {
    start();
    JsonNode alice = join("r");
    String offer = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}";
    String candidate = "{\"type\":\"candidate\",\"label\":0,\"id\":\"0\",\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 9 typ host\"}";
    String messagePath = "/message/r/" + alice.get("client_id").asText();
    assertThat(post(messagePath, offer).get("result").asText()).isEqualTo("SUCCESS");
    assertThat(post(messagePath, candidate).get("result").asText()).isEqualTo("SUCCESS");

    JsonNode bob = join("r");
    assertThat(bob.get("messages")).extracting(JsonNode::asText).containsExactly(offer, candidate);
  }

  @Test
  void aCallRunsAsTheWebClientRunsIt() throws Exception {
    start();
    JsonNode alice = join("r");
    WsClient aliceSocket = register(alice);
    post("/message/r/" + alice.get("client_id").asText(), "{\"type\":\"offer\",\"sdp\":\"o\"}");
    JsonNode bob = join("r");
    WsClient bobSocket = register(bob);
    bobSocket.send(sendCommand("{\"type\":\"answer\",\"sdp\":\"a\"}"));
    assertThat(nextMsg(aliceSocket)).isEqualTo("{\"type\":\"answer\",\"sdp\":\"a\"}");
    // Two clients in the room: the initiator's posts now go straight through Collider.
    post("/message/r/" + alice.get("client_id").asText(), "{\"type\":\"candidate\"}");
    assertThat(nextMsg(bobSocket)).isEqualTo("{\"type\":\"candidate\"}");
    assertThat(metrics()).contains("junction_signaling_connections{dialect=\"apprtc\"} 2.0");
  }

  @Test
  void messagesSentBeforeTheOtherRegistersAreFlushedInOrderWhenItDoes() throws Exception {
    start();
    JsonNode alice = join("r");
    WsClient aliceSocket = register(alice);
    JsonNode bob = join("r");
    // Collider's HTTP send queues as its socket send does. It goes first: an HTTP answer means the
    // message is queued, while nothing says when the socket's messages have been.
    assertThat(request("POST", "/collider/r/" + alice.get("client_id").asText(), "over http").body()).isEqualTo("OK\n");
    for (int i = 0; i < 5; i++) {
      aliceSocket.send(sendCommand("m" + i));
    }
    // Alice's register, the HTTP send and her five: all read before Bob registers, so all queued.
    await().atMost(Duration.ofSeconds(5)).until(() ->
        metrics().contains("junction_signaling_messages_received_total{dialect=\"apprtc\"} 7.0"));
    WsClient bobSocket = register(bob);
    assertThat(nextMsg(bobSocket)).isEqualTo("over http");
    for (int i = 0; i < 5; i++) {
      assertThat(nextMsg(bobSocket)).isEqualTo("m" + i);
    }
  }

  @Test
  void theQueueIsCappedAndTheSenderIsTold() throws Exception {
    start("apprtc.maxQueuedMessages=3");
    JsonNode alice = join("r");
    WsClient aliceSocket = register(alice);
    for (int i = 0; i < 3; i++) {
      aliceSocket.send(sendCommand("m" + i));
    }
    aliceSocket.send(sendCommand("one too many"));
    assertThat(nextError(aliceSocket)).isEqualTo("Too many messages queued for the client");
    assertThat(aliceSocket.isOpen()).isTrue();

    JsonNode carol = join("mailbox");
    String path = "/message/mailbox/" + carol.get("client_id").asText();
    for (int i = 0; i < 3; i++) {
      post(path, "m" + i);
    }
    JsonNode refused = post(path, "one too many");
    assertThat(refused.get("result").asText()).isEqualTo("ERROR");
    assertThat(refused.get("error").asText()).contains("too many messages");
  }

  @Test
  void aSocketThatDoesNotRegisterInTimeIsClosed() throws Exception {
    start("apprtc.registerTimeoutSeconds=1");
    WsClient idle = connect(colliderUrl());
    assertThat(nextError(idle)).startsWith("Register timeout");
    assertThat(idle.closeCode()).isEqualTo(1008);
  }

  @Test
  void aJoinerThatNeverRegistersFreesItsSeatAfterTheRegisterTimeout() throws Exception {
    start("apprtc.registerTimeoutSeconds=1");
    WsClient alice = register(join("r"));
    join("r");
    assertThat(post("/join/r", null).get("result").asText()).isEqualTo("FULL");
    assertThat(alice.next().get("msg").asText()).isEqualTo("{\"type\":\"bye\"}");
    assertThat(post("/join/r", null).get("result").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void aClientThatReconnectsWithinTheRoamingGraceKeepsItsPlaceAndItsMessages() throws Exception {
    start();
    Call call = call();
    call.bobSocket().abort();
    awaitRegisteredSockets(1);
    call.aliceSocket().send(sendCommand("while you were away"));

    WsClient bobAgain = register(call.bob());
    assertThat(nextMsg(bobAgain)).isEqualTo("while you were away");
    assertThat(post("/join/r", null).get("result").asText()).isEqualTo("FULL");
    bobAgain.send(sendCommand("back"));
    assertThat(nextMsg(call.aliceSocket())).isEqualTo("back");
  }

  @Test
  void aClientThatDoesNotComeBackWithinTheGraceIsGoneAndTheOtherIsTold() throws Exception {
    start("apprtc.roamingGraceSeconds=1");
    Call call = call();
    call.bobSocket().abort();
    assertThat(call.aliceSocket().next().toString()).isEqualTo(BYE_FRAME);
    WsClient late = register(call.bob());
    assertThat(nextError(late)).startsWith("Unknown client");
    JsonNode carol = join("r");
    assertThat(carol.get("is_initiator").asText()).isEqualTo("false");
  }

  @Test
  void leavingTellsTheOtherSideByeAndClosesTheLeaversSocket() throws Exception {
    start();
    Call call = call();
    assertThat(post("/leave/r/" + call.bob().get("client_id").asText(), null).get("result").asText())
        .isEqualTo("SUCCESS");
    assertThat(call.aliceSocket().next().toString()).isEqualTo(BYE_FRAME);
    assertThat(call.bobSocket().closeCode()).isEqualTo(1000);
    // Alice is the initiator now: what she posts waits for the next joiner.
    post("/message/r/" + call.alice().get("client_id").asText(), "{\"type\":\"offer\"}");
    assertThat(join("r").get("messages").get(0).asText()).isEqualTo("{\"type\":\"offer\"}");
  }

  @Test
  void collidersDeleteRemovesTheClientAndItsHttpSendReachesTheOther() throws Exception {
    start();
    Call call = call();
    String bobPath = "/collider/r/" + call.bob().get("client_id").asText();
    assertThat(request("POST", bobPath, "{\"type\":\"answer\"}").body()).isEqualTo("OK\n");
    assertThat(nextMsg(call.aliceSocket())).isEqualTo("{\"type\":\"answer\"}");
    HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base() + bobPath))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
        .header("Access-Control-Request-Method", "DELETE").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("DELETE");
    HttpResponse<String> deleted = request("DELETE", bobPath, null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    assertThat(call.aliceSocket().next().toString()).isEqualTo(BYE_FRAME);
    assertThat(call.bobSocket().closeCode()).isEqualTo(1000);
    assertThat(request("POST", bobPath, "late").statusCode()).isEqualTo(404);
  }

  @Test
  void statusCountsSocketsAndErrorsAsCollidersDashboardDoes() throws Exception {
    start();
    register(join("r"));
    WsClient stranger = connect(colliderUrl());
    stranger.send("{\"cmd\":\"bogus\"}");
    nextError(stranger);
    request("POST", "/collider/r/12345678", "nobody");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonNode status = colliderStatus();
      assertThat(status.get("openws").asInt()).isEqualTo(1);
      assertThat(status.get("totalws").asInt()).isEqualTo(1);
      assertThat(status.get("wserrors").asInt()).isEqualTo(1);
      assertThat(status.get("httperrors").asInt()).isEqualTo(1);
      assertThat(status.get("upsec").asDouble()).isPositive();
    });
  }

  @Test
  void badJsonAndUnknownCommandsGetAnErrorFrameAndTheSocketStaysUsable() throws Exception {
    start();
    JsonNode alice = join("r");
    WsClient socket = connect(colliderUrl());
    socket.send("{\"cmd\":");
    assertThat(nextError(socket)).startsWith("Invalid JSON");
    socket.send("{\"cmd\":\"fly\"}");
    assertThat(nextError(socket)).isEqualTo("Invalid message: unexpected 'cmd'");
    socket.send(sendCommand("too early"));
    assertThat(nextError(socket)).isEqualTo("Client not registered");
    socket.send(registerCommand("r", alice.get("client_id").asText()));
    awaitRegisteredSockets(1);
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void aMisbehavingStrangerDoesNotDisturbACallBetweenTwoOthers() throws Exception {
    start();
    Call call = call();

    assertThat(post("/join/r", null).get("result").asText()).isEqualTo("FULL");
    WsClient stranger = connect(colliderUrl());
    stranger.send(registerCommand("r", "99999999"));
    assertThat(nextError(stranger)).startsWith("Unknown client 99999999");
    stranger.send("not json at all");
    stranger.send(sendCommand("{\"type\":\"bye\"}"));
    assertThat(post("/message/r/99999999", "{\"type\":\"bye\"}").get("result").asText()).isEqualTo("UNKNOWN_CLIENT");
    assertThat(request("POST", "/collider/r/99999999", "{\"type\":\"bye\"}").statusCode()).isEqualTo(404);
    assertThat(request("DELETE", "/collider/r/99999999", null).statusCode()).isEqualTo(200);
    assertThat(post("/leave/r/99999999", null).get("result").asText()).isEqualTo("UNKNOWN_CLIENT");
    assertThat(request("POST", "/join/no%20such", null).statusCode()).isEqualTo(404);

    call.aliceSocket().send(sendCommand("still here?"));
    assertThat(nextMsg(call.bobSocket())).isEqualTo("still here?");
    call.bobSocket().send(sendCommand("yes"));
    assertThat(nextMsg(call.aliceSocket())).isEqualTo("yes");
    call.aliceSocket().expectSilence(200);
    call.bobSocket().expectSilence(0);
  }

  private JsonNode colliderStatus() throws Exception {
    HttpResponse<String> status = request("GET", "/collider/status", null);
    assertThat(status.statusCode()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
