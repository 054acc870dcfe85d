package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PeerJS dialect on the wire (specs/signaling-anchors.md §4 and §11.3), as peerjs-server
 * speaks it to the {@code peerjs} client: {@code OPEN} / {@code ID-TAKEN} / {@code ERROR}, the
 * takeover by the same token, {@code src} stamping, held messages and {@code EXPIRE}, {@code
 * LEAVE} for a recipient that is gone, {@code HEARTBEAT} against the alive timeout, and the HTTP
 * routes {@code /<key>/id} and {@code /<key>/peers}. Timeouts are shortened so the suite stays fast.
 */
class PeerJsDialectTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXPIRE_MILLIS = 600;
  private static final int ALIVE_MILLIS = 1_500;

  private JunctionServer server;
  private final List<WsClient> clients = new ArrayList<>();

  private void start(String... overrides) {
    List<String> all = new ArrayList<>(List.of("peerjs.expireTimeoutMillis=" + EXPIRE_MILLIS,
        "peerjs.aliveTimeoutMillis=" + ALIVE_MILLIS, "peerjs.cleanupIntervalMillis=100"));
    all.addAll(List.of(overrides));
    server = TestServers.start(all.toArray(String[]::new));
  }

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aPeerIsOpenedAndOfferAnswerCandidateAreRelayedWithTheServerStampingSrc() throws Exception {
    start();
    WsClient alice = open("alice", "alice-token");
    WsClient bob = open("bob", "bob-token");

    alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"},"
        + "\"type\":\"media\",\"connectionId\":\"mc_1\"}}");
    JsonNode offer = bob.next("OFFER");
    assertThat(offer.get("src").asText()).isEqualTo("alice");
    assertThat(offer.get("dst").asText()).isEqualTo("bob");
    assertThat(offer.at("/payload/connectionId").asText()).isEqualTo("mc_1");

    bob.send("{\"type\":\"ANSWER\",\"dst\":\"alice\",\"payload\":{\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}}");
    assertThat(alice.next("ANSWER").get("src").asText()).isEqualTo("bob");

    // Whatever src a client writes, the server sends its own id: nobody can speak as another.
    bob.send("{\"type\":\"CANDIDATE\",\"src\":\"carol\",\"dst\":\"alice\",\"payload\":{\"candidate\":{}}}");
    assertThat(alice.next("CANDIDATE").get("src").asText()).isEqualTo("bob");
  }

  @Test
  void anIdHeldWithAnotherTokenIsTakenButTheSameTokenTakesItOver() throws Exception {
    start("peerjs.allowDiscovery=true");
    WsClient alice = open("alice", "secret");
    WsClient bob = open("bob", "t");

    WsClient intruder = connect("alice", "guessed");
    assertThat(intruder.next("ID-TAKEN").at("/payload/msg").asText()).isEqualTo("ID is taken");
    assertThat(intruder.closeCode()).isEqualTo(1008);

    // A reconnect that beat the server to noticing the old socket: no second OPEN, same id.
    WsClient reconnected = connect("alice", "secret");
    assertThat(alice.closeCode()).as("the replaced socket is closed").isEqualTo(1000);
    bob.send("{\"type\":\"OFFER\",\"dst\":\"alice\",\"payload\":{\"n\":1}}");
    JsonNode offer = reconnected.next();
    assertThat(offer.get("type").asText()).as("no OPEN before it").isEqualTo("OFFER");
    assertThat(offer.get("src").asText()).isEqualTo("bob");

    // Once the id's socket is gone, the id is free for any token.
    reconnected.close();
    await().untilAsserted(() -> assertThat(peers()).doesNotContain("alice"));
    open("alice", "another-token");
  }

  @Test
  void missingOrWrongCredentialsAreRefusedWithErrorAndClose() throws Exception {
    start();
    assertRefused("/peerjs/peerjs", "No id, token, or key supplied to websocket server");
    assertRefused("/peerjs/peerjs?key=peerjs&id=alice", "No id, token, or key supplied to websocket server");
    assertRefused("/peerjs/peerjs?key=wrong&id=alice&token=t", "Invalid key provided");
    assertRefused("/peerjs/peerjs?key=peerjs&id=%3Cscript%3E&token=t", "Invalid id provided");
    assertRefused("/peerjs/peerjs?key=peerjs&id=alice&token=" + "t".repeat(200), "Invalid token provided");
    assertThat(metrics()).containsPattern(
        "junction_signaling_errors_total\\{dialect=\"peerjs\",kind=\"bad_credentials\"} 5");
  }

  @Test
  void theWebSocketLivesOnlyAtPathSlashPeerjs() throws Exception {
    start();
    assertThatThrownBy(() -> new RawWebSocket(server.httpPort(), "/peerjs/peerjs/room?key=peerjs&id=a&token=t",
        null, 5_000).close())
        .as("PeerJS has no rooms").hasMessageContaining("404");
  }

  @Test
  void messagesForAPeerNotYetConnectedAreDeliveredInOrderRightAfterItsOpen() throws Exception {
    start("peerjs.expireTimeoutMillis=10000");
    WsClient alice = open("alice", "t");
    alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"n\":1}}");
    alice.send("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":{\"n\":2}}");
    alice.send("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":{\"n\":3}}");
    await().untilAsserted(() -> assertThat(metrics()).containsPattern(
        "junction_signaling_messages_queued_total\\{dialect=\"peerjs\"} 3"));

    WsClient bob = open("bob", "t");
    for (int n = 1; n <= 3; n++) {
      JsonNode held = bob.next();
      assertThat(held.at("/payload/n").asInt()).isEqualTo(n);
      assertThat(held.get("src").asText()).isEqualTo("alice");
    }
    alice.expectSilence(200);
  }

  @Test
  void heldMessagesExpireAfterTheTimeoutAndTheSenderIsToldOnce() throws Exception {
    start();
    WsClient alice = open("alice", "t");
    long sent = System.nanoTime();
    alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"n\":1}}");
    alice.send("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":{\"n\":2}}");

    JsonNode expire = alice.next("EXPIRE");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isGreaterThanOrEqualTo(EXPIRE_MILLIS);
    assertThat(expire.get("src").asText()).as("the peer that did not come").isEqualTo("bob");
    assertThat(expire.get("dst").asText()).isEqualTo("alice");
    alice.expectSilence(300);

    WsClient bob = open("bob", "t");
    bob.expectSilence(200);
    assertThat(metrics()).containsPattern("junction_signaling_messages_expired_total\\{dialect=\"peerjs\"} 2");
  }

  /**
   * A recipient whose socket is closing is gone though not yet unregistered (here: it broke the
   * protocol, the server sent its close frame, and it never answers): the sender gets LEAVE from
   * it, and later messages for it are held like those for any absent peer.
   */
  @Test
  void aSenderGetsLeaveWhenItsRecipientCanNoLongerBeReached() throws Exception {
    start();
    WsClient alice = open("alice", "t");
    try (RawWebSocket bob = new RawWebSocket(server.httpPort(), "/peerjs/peerjs?key=peerjs&id=bob&token=t", null,
        5_000)) {
      assertThat(new String(bob.readFrame().payload(), StandardCharsets.UTF_8)).contains("OPEN");
      bob.sendFrame(RawWebSocket.OPCODE_BINARY, new byte[] {1});
      assertThat(bob.awaitClose().closeCode()).isEqualTo(1003);

      alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"n\":1}}");
      JsonNode leave = alice.next("LEAVE");
      assertThat(leave.get("src").asText()).isEqualTo("bob");
      assertThat(leave.get("dst").asText()).isEqualTo("alice");

      alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"n\":2}}");
      assertThat(alice.next("EXPIRE").get("src").asText()).isEqualTo("bob");
    }
    assertThat(metrics()).containsPattern("junction_signaling_errors_total\\{dialect=\"peerjs\",kind=\"peer_gone\"} 1");
  }

  @Test
  void heartbeatKeepsAPeerConnectedWhileOneThatSendsNoneIsDroppedAfterTheAliveTimeout() throws Exception {
    start("peerjs.allowDiscovery=true");
    WsClient beating = open("beating", "t");
    WsClient silent = open("silent", "t");
    ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor();
    try {
      heart.scheduleAtFixedRate(() -> beating.send("{\"type\":\"HEARTBEAT\"}"), 0, 300, TimeUnit.MILLISECONDS);
      // Other traffic is no sign of life, as in peerjs-server.
      silent.send("{\"type\":\"CANDIDATE\",\"dst\":\"beating\",\"payload\":{}}");

      assertThat(silent.closeCode()).isEqualTo(1001);
      await("still connected after twice the alive timeout").during(Duration.ofMillis(2 * ALIVE_MILLIS))
          .atMost(Duration.ofMillis(3 * ALIVE_MILLIS)).until(beating::isOpen);
    } finally {
      heart.shutdownNow();
    }
    assertThat(peers()).containsExactly("beating");
  }

  @Test
  void idGivesAFreshIdAndPeersIs401WhileDiscoveryIsOff() throws Exception {
    start();
    HttpResponse<String> id = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/peerjs/peerjs/id?ts=1&version=1.5.5"))
            .header("Origin", "http://localhost:1234").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(id.statusCode()).isEqualTo(200);
    assertThat(id.body()).matches("[0-9a-f-]{36}");
    assertThat(id.headers().firstValue("Access-Control-Allow-Origin")).as("usable from any page").isPresent();
    assertThat(id.headers().firstValue("Cache-Control")).contains("no-store");
    open(id.body(), "t");

    HttpResponse<String> peers = get("/peerjs/peerjs/peers");
    assertThat(peers.statusCode()).isEqualTo(401);
    assertThat(peers.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(get("/peerjs/wrong/id").statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(get("/peerjs/").body()).get("webSocket").asText()).isEqualTo("/peerjs/peerjs");
  }

  @Test
  void peersListsTheConnectedIdsWhenDiscoveryIsOn() throws Exception {
    start("peerjs.allowDiscovery=true");
    open("alice", "t");
    open("bob", "t");
    assertThat(peers()).containsExactlyInAnyOrder("alice", "bob");
    assertThat(get("/peerjs/wrong/peers").statusCode()).isEqualTo(401);
  }

  @Test
  void theDialectFollowsAConfiguredPathAndKey() throws Exception {
    start("peerjs.path=/myapp/", "peerjs.key=s3cret");
    WsClient alice = WsClient.connect(ws() + "/myapp/peerjs?key=s3cret&id=alice&token=t");
    clients.add(alice);
    alice.next("OPEN");
    assertThat(get("/myapp/s3cret/id").statusCode()).isEqualTo(200);
  }

  @Test
  void aMisbehavingClientIsAnsweredWhileACallBetweenTwoOthersGoesOnUndisturbed() throws Exception {
    start("peerjs.aliveTimeoutMillis=60000");
    WsClient alice = open("alice", "t");
    WsClient bob = open("bob", "t");
    WsClient mallory = open("mallory", "t");

    AtomicBoolean abusing = new AtomicBoolean(true);
    CompletableFuture<Integer> aliceSent = CompletableFuture.supplyAsync(() -> alice.trickle(candidate("bob"), abusing));
    CompletableFuture<Integer> bobSent = CompletableFuture.supplyAsync(() -> bob.trickle(candidate("alice"), abusing));

    mallory.send("{\"type\":");
    assertThat(mallory.next("ERROR").at("/payload/msg").asText()).startsWith("not valid JSON");
    mallory.send("{\"type\":\"OFFER\",\"dst\":[\"bob\"]}");
    assertThat(mallory.next("ERROR").at("/payload/msg").asText()).contains("dst");
    mallory.send("{\"type\":\"NONSENSE\",\"dst\":\"bob\"}");
    mallory.send("{\"type\":\"CANDIDATE\",\"src\":\"alice\",\"dst\":\"bob\",\"payload\":{\"seq\":-1}}");
    mallory.expectSilence(200);
    assertThat(mallory.isOpen()).isTrue();

    WsClient binary = open("binary", "t");
    binary.sendBinary(new byte[] {1, 2, 3});
    assertThat(binary.closeCode()).isEqualTo(1003);

    WsClient flood = open("flood", "t");
    for (int i = 0; i < 10_000 && flood.isOpen(); i++) {
      if (!flood.trySend("{\"type\":\"CANDIDATE\",\"dst\":\"nobody\",\"payload\":{\"i\":" + i + "}}")) {
        break;
      }
    }
    assertThat(flood.closeCode()).isEqualTo(1008);

    abusing.set(false);
    assertReceivedInOrder(bob, "alice", aliceSent.get());
    assertReceivedInOrder(alice, "bob", bobSent.get());
  }

  // --- helpers ----------------------------------------------------------------------------

  private String base() {
    return "http://127.0.0.1:" + server.httpPort();
  }

  private String ws() {
    return "ws://127.0.0.1:" + server.httpPort();
  }

  /** Connects as the peerjs client does, without reading anything. */
  private WsClient connect(String id, String token) throws Exception {
    WsClient client = WsClient.connect(ws() + "/peerjs/peerjs?key=peerjs&id=" + id + "&token=" + token
        + "&version=1.5.5");
    clients.add(client);
    return client;
  }

  /** Connects and reads the OPEN that registers the peer. */
  private WsClient open(String id, String token) throws Exception {
    WsClient client = connect(id, token);
    client.next("OPEN");
    return client;
  }

  private void assertRefused(String pathAndQuery, String error) throws Exception {
    WsClient client = WsClient.connect(ws() + pathAndQuery);
    clients.add(client);
    assertThat(client.next("ERROR").at("/payload/msg").asText()).startsWith(error);
    assertThat(client.closeCode()).isEqualTo(1008);
  }

  /** The numbered candidates a call trickles to {@code target}. */
  private static IntFunction<String> candidate(String target) {
    return seq -> "{\"type\":\"CANDIDATE\",\"dst\":\"" + target + "\",\"payload\":{\"seq\":" + seq
        + ",\"candidate\":{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\"}}}";
  }

  /** Every numbered candidate arrived in order from {@code sender}; mallory's one came stamped as hers. */
  private static void assertReceivedInOrder(WsClient to, String sender, int count) throws Exception {
    assertThat(count).isGreaterThan(10);
    int seq = 0;
    while (seq < count) {
      JsonNode message = to.next("CANDIDATE");
      if (message.at("/payload/seq").asInt() == -1) {
        assertThat(message.get("src").asText()).as("the spoofed sender was overwritten").isEqualTo("mallory");
        continue;
      }
      assertThat(message.get("src").asText()).isEqualTo(sender);
      assertThat(message.at("/payload/seq").asInt()).isEqualTo(seq);
      seq++;
    }
    JsonNode rest = to.poll(200);
    if (rest != null) {
      assertThat(rest.get("src").asText()).as("only mallory's message may remain: %s", rest).isEqualTo("mallory");
    }
  }

  private List<String> peers() throws Exception {
    HttpResponse<String> response = get("/peerjs/peerjs/peers");
    assertThat(response.statusCode()).as("GET /peers needs peerjs.allowDiscovery=true").isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(response.body()).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private String metrics() throws Exception {
    return get("/metrics").body();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
