package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The MDN "webrtc-from-chat" dialect, message by message, as its unmodified client and
 * chatserver.js define it (specs/signaling-anchors.md §1 and §11.3), plus the places where we
 * deliberately differ (identity from the connection, errors instead of crashes).
 */
class MdnDialectTest {

  private JunctionServer server;
  private MdnClients mdn;

  @BeforeEach
  void start() {
    server = TestServers.start();
    mdn = new MdnClients("ws://127.0.0.1:" + server.httpPort() + "/ws/mdn");
  }

  @AfterEach
  void stop() {
    mdn.close();
    server.stop();
  }

  @Nested
  class Handshake {

    @Test
    void withTheJsonSubprotocolSucceedsAndSelectsIt() throws Exception {
      assertThat(mdn.connect().subprotocol()).isEqualTo("json");
    }

    @Test
    void withoutTheJsonSubprotocolFailsAsMdnServerDoes() {
      assertThatThrownBy(() -> WsClient.connect(mdn.url()))
          .hasCauseInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
              .isEqualTo(400));
    }

    @Test
    void theOwnListenerAcceptsAnyPathAndAnswers404ToPlainHttp() throws Exception {
      WsClient client = mdn.track(WsClient.connect("ws://127.0.0.1:" + server.mdnPort() + "/any/path", "json"));
      assertThat(client.next("id").get("id").isNumber()).isTrue();

      HttpResponse<String> plain = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.mdnPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(plain.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void greetsWithANumericIdThenListsTheUnnamedConnectionAsNull() throws Exception {
    WsClient client = mdn.connect();
    assertThat(client.next("id").get("id").isIntegralNumber()).isTrue();
    assertThat(client.next("userlist").get("users").toString()).isEqualTo("[null]");
  }

  @Test
  void idsIncreaseByOnePerConnection() throws Exception {
    long first = mdn.connect().next("id").get("id").asLong();
    long second = mdn.connect().next("id").get("id").asLong();
    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void namingSendsTheFullUserlistToEveryone() throws Exception {
    WsClient alice = mdn.login("alice");
    mdn.login("bob");
    // alice sees bob arrive unnamed, then named.
    assertThat(alice.next("userlist").get("users").toString()).isEqualTo("[\"alice\",null]");
    assertThat(alice.next("userlist").get("users").toString()).isEqualTo("[\"alice\",\"bob\"]");
  }

  @Test
  void aDuplicateNameIsRenamedWithOneGlobalCounter() throws Exception {
    mdn.login("bob");
    WsClient secondBob = mdn.connect();
    long id = secondBob.next("id").get("id").asLong();
    secondBob.next("userlist");
    secondBob.send(MdnClients.username(id, "bob"));
    JsonNode rejected = secondBob.next("rejectusername");
    assertThat(rejected.get("name").asText()).isEqualTo("bob1");
    assertThat(rejected.get("id").asLong()).isEqualTo(id);
    assertThat(secondBob.next("userlist").get("users").toString()).isEqualTo("[\"bob\",\"bob1\"]");

    mdn.login("carol");
    WsClient secondCarol = mdn.connect();
    long carolId = secondCarol.next("id").get("id").asLong();
    secondCarol.send(MdnClients.username(carolId, "carol"));
    // The counter is never reset: the next clash of any name gets 2, not 1.
    assertThat(secondCarol.nextOfType("rejectusername").get("name").asText()).isEqualTo("carol2");
  }

  @Test
  void chatIsStampedStrippedOfTagsAndEchoedToTheSender() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob");
    all.get(0).send("{\"type\":\"message\",\"id\":1,\"date\":5,\"text\":\"hi <b>bob</b><script>x()</script>\"}");
    for (WsClient client : all) {
      JsonNode chat = client.next("message");
      assertThat(chat.get("name").asText()).isEqualTo("alice");
      assertThat(chat.get("text").asText()).isEqualTo("hi bobx()");
      assertThat(chat.get("date").asLong()).isEqualTo(5);
    }
  }

  @Test
  void aTargetedChatReachesOnlyItsTarget() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob", "carol");
    all.get(0).send("{\"type\":\"message\",\"text\":\"psst\",\"target\":\"carol\"}");
    assertThat(all.get(2).next("message").get("text").asText()).isEqualTo("psst");
    all.get(1).expectSilence(300);
    all.get(0).expectSilence(0);
  }

  @Test
  void signalingIsPassedThroughToTheTargetWithTheSenderStamped() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob");
    WsClient alice = all.get(0);
    WsClient bob = all.get(1);
    alice.send("{\"type\":\"video-offer\",\"name\":\"alice\",\"target\":\"bob\",\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    JsonNode offer = bob.next("video-offer");
    assertThat(offer.get("sdp").get("sdp").asText()).isEqualTo("v=0");
    assertThat(offer.get("name").asText()).isEqualTo("alice");

    // MDN's client sends candidates without a name; the server adds the true sender.
    alice.send("{\"type\":\"new-ice-candidate\",\"target\":\"bob\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 9 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
    JsonNode candidate = bob.next("new-ice-candidate");
    assertThat(candidate.get("name").asText()).isEqualTo("alice");
    assertThat(candidate.get("candidate").get("sdpMid").asText()).isEqualTo("0");
  }

  @Test
  void aMessageForAnUnknownTargetIsDroppedSilently() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob");
    all.get(0).send("{\"type\":\"video-offer\",\"target\":\"nobody\",\"sdp\":{}}");
    all.get(0).expectSilence(300);
    all.get(1).expectSilence(0);
  }

  @Test
  void aCustomTypeIsPassedThroughByTargetOrToEveryone() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob");
    WsClient alice = all.get(0);
    WsClient bob = all.get(1);
    alice.send("{\"type\":\"whiteboard-stroke\",\"target\":\"bob\",\"points\":[1,2,3]}");
    assertThat(bob.next("whiteboard-stroke").get("points").toString()).isEqualTo("[1,2,3]");
    alice.expectSilence(200);

    alice.send("{\"type\":\"cursor\",\"x\":7}");
    assertThat(alice.next("cursor").get("x").asInt()).isEqualTo(7);
    assertThat(bob.next("cursor").get("name").asText()).isEqualTo("alice");
  }

  @Test
  void aMessageClaimingAnotherSenderIsRefusedAndNotDelivered() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob", "mallory");
    WsClient mallory = all.get(2);
    mallory.send("{\"type\":\"video-offer\",\"name\":\"alice\",\"target\":\"bob\",\"sdp\":{}}");
    assertThat(mallory.next("error").get("code").asText()).isEqualTo("sender-mismatch");
    all.get(1).expectSilence(300);
    all.get(0).expectSilence(0);
  }

  @Test
  void usernameTrustsTheConnectionNotTheIdInTheMessage() throws Exception {
    List<WsClient> all = mdn.loginAll("alice");
    WsClient mallory = mdn.connect();
    mallory.next("id");
    long someoneElsesId = 0;
    // chatserver.js renames whoever owns the id in the message; we rename only the sender.
    mallory.send(MdnClients.username(someoneElsesId, "eve"));
    MdnClients.awaitUserlistMessage(mallory, "[\"alice\",\"eve\"]");
    MdnClients.awaitUserlistMessage(all.get(0), "[\"alice\",\"eve\"]");
  }

  @Test
  void relayingBeforeNamingIsRefused() throws Exception {
    WsClient anonymous = mdn.connect();
    anonymous.next("id");
    anonymous.send("{\"type\":\"message\",\"text\":\"hi\"}");
    assertThat(anonymous.nextOfType("error").get("code").asText()).isEqualTo("not-named");
  }

  @Test
  void anInvalidNameIsRefused() throws Exception {
    WsClient client = mdn.connect();
    long id = client.next("id").get("id").asLong();
    client.next("userlist");
    client.send(MdnClients.username(id, ""));
    assertThat(client.next("error").get("code").asText()).isEqualTo("bad-name");
    client.send(MdnClients.username(id, "x".repeat(65)));
    assertThat(client.next("error").get("code").asText()).isEqualTo("bad-name");
  }

  @Test
  void malformedJsonGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
    WsClient alice = mdn.loginAll("alice").get(0);
    alice.send("{not json");
    assertThat(alice.next("error").get("code").asText()).isEqualTo("bad-json");
    alice.send("[1,2]");
    assertThat(alice.next("error").get("code").asText()).isEqualTo("bad-json");
    alice.send("{\"text\":\"no type\"}");
    assertThat(alice.next("error").get("code").asText()).isEqualTo("bad-message");
    alice.send("{\"type\":\"message\",\"text\":\"still here\"}");
    assertThat(alice.next("message").get("text").asText()).isEqualTo("still here");
  }

  @Test
  void aDisconnectUpdatesEveryonesListAndHangsUpTheCallPartner() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob");
    WsClient alice = all.get(0);
    WsClient bob = all.get(1);
    alice.send("{\"type\":\"video-offer\",\"name\":\"alice\",\"target\":\"bob\",\"sdp\":{}}");
    bob.next("video-offer");
    bob.send("{\"type\":\"video-answer\",\"name\":\"bob\",\"target\":\"alice\",\"sdp\":{}}");
    alice.next("video-answer");

    alice.abort();
    assertThat(bob.next("userlist").get("users").toString()).isEqualTo("[\"bob\"]");
    assertThat(bob.next("hang-up").get("name").asText()).isEqualTo("alice");
  }

  @Test
  void aStrayOfferDoesNotLetItsSenderEndAnotherCallByLeaving() throws Exception {
    List<WsClient> all = mdn.loginAll("alice", "bob", "mallory");
    WsClient alice = all.get(0);
    WsClient bob = all.get(1);
    alice.send("{\"type\":\"video-offer\",\"target\":\"bob\",\"sdp\":{}}");
    bob.next("video-offer");
    bob.send("{\"type\":\"video-answer\",\"target\":\"alice\",\"sdp\":{}}");
    alice.next("video-answer");

    all.get(2).send("{\"type\":\"video-offer\",\"target\":\"bob\",\"sdp\":{}}");
    bob.next("video-offer");
    all.get(2).abort();
    MdnClients.awaitUserlistMessage(bob, "[\"alice\",\"bob\"]");
    bob.expectSilence(300);
  }

  @Test
  void namedRoomsArePathsWithTheirOwnUserList() throws Exception {
    mdn.loginAll("alice");
    MdnClients team = new MdnClients(mdn.url() + "/team-1");
    try {
      WsClient teammate = team.connect();
      long id = teammate.next("id").get("id").asLong();
      teammate.next("userlist");
      // Same name, other room: no rename, and the lobby's alice is not listed.
      teammate.send(MdnClients.username(id, "alice"));
      assertThat(teammate.next("userlist").get("users").toString()).isEqualTo("[\"alice\"]");
    } finally {
      team.close();
    }
    assertThatThrownBy(() -> WsClient.connect(mdn.url() + "/bad%20room", "json"))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
  }
}
