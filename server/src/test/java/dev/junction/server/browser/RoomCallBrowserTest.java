package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static dev.junction.server.browser.RoomPage.number;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.browser.RoomPage.RemoteVideo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The room-call app ({@code /room/<room>}) and the native protocol's JS library in real
 * Chromium against a real Junction server: people open the same link, join by name and see
 * each other in a mesh, proven by frames decoded on every peer connection.
 */
class RoomCallBrowserTest {

  private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(25);

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  @Test
  void twoPeopleOnOneLinkSeeEachOtherAThirdJoinsAndEveryoneSeesTwoRemoteVideos() {
    RoomPage alice = page("alice").open("team").join("Alice");
    RoomPage bob = page("bob").open("team").join("Bob");
    alice.silence();
    bob.silence();

    await("each sees the other's name on a tile").untilAsserted(() -> {
      assertThat(alice.remoteTileNames()).containsExactly("Bob");
      assertThat(bob.remoteTileNames()).containsExactly("Alice");
    });
    awaitRemoteVideos(alice, 1);
    awaitRemoteVideos(bob, 1);

    alice.click("mute");
    await("bob sees that alice muted").untilAsserted(() -> assertThat(bob.badgesOf("Alice")).contains("Muted"));

    RoomPage carol = page("carol").open("team").join("Carol");
    carol.silence();
    await("everyone has a tile for each of the two others").untilAsserted(() -> {
      assertThat(alice.remoteTileNames()).containsExactlyInAnyOrder("Bob", "Carol");
      assertThat(bob.remoteTileNames()).containsExactlyInAnyOrder("Alice", "Carol");
      assertThat(carol.remoteTileNames()).containsExactlyInAnyOrder("Alice", "Bob");
    });
    awaitRemoteVideos(alice, 2);
    awaitRemoteVideos(bob, 2);
    awaitRemoteVideos(carol, 2);
    assertThat(carol.people()).containsExactly("Carol (you)", "Alice", "Bob");
    assertThat(carol.badgesOf("Alice")).as("a newcomer is told who is muted").contains("Muted");

    carol.click("leave");
    assertThat(carol.phase()).isEqualTo("left");
    await("the others see carol leave").untilAsserted(() -> {
      assertThat(alice.remoteTileNames()).containsExactly("Bob");
      assertThat(bob.remoteTileNames()).containsExactly("Alice");
      assertThat(alice.notices()).anySatisfy(n -> assertThat(n.text()).isEqualTo("Carol left."));
    });
    assertThat(alice.errors()).isEmpty();
    assertThat(bob.errors()).isEmpty();
  }

  @Test
  void aDeniedCameraAndAFullRoomAreShownToThePerson() {
    browsers.restartServerWith("native.roomCapacity=1");
    RoomPage alice = new RoomPage(browsers.open("alice", BrowserHarness.Camera.DENY), browsers.baseUrl())
        .open("solo").join("Alice");
    assertThat(alice.errors()).anySatisfy(n -> {
      assertThat(n.code()).isEqualTo("camera-denied");
      assertThat(n.text()).contains("You join without camera and microphone");
    });
    assertThat(alice.badgesOf("Alice (you)")).isEqualTo("Muted · Camera off");
    assertThat(alice.enabled("mute")).isFalse();
    assertThat(alice.enabled("camera")).isFalse();

    RoomPage bob = page("bob").open("solo");
    bob.typeNameAndJoin("Bob");
    await("bob is told the room is full").untilAsserted(() -> assertThat(bob.errors()).anySatisfy(n -> {
      assertThat(n.code()).isEqualTo("room-full");
      assertThat(n.text()).startsWith("This room is full.");
    }));
    assertThat(bob.phase()).as("back at the join form").isEqualTo("ready");
    assertThat(alice.people()).containsExactly("Alice (you)");
  }

  /**
   * The server closes bob's socket mid-call (the admin API's reconnect: goodbye, close 4012) while
   * both pages send each other numbered room messages and alice starts an ICE restart. Bob's page
   * resumes its session: both receive every message exactly once and in order, the renegotiation
   * completes, and media keeps flowing on the same peer connections. Then the operator's message
   * to the room is shown.
   */
  @Test
  void theServerDropsASocketMidCallAndTheCallGoesOnWithNoSignalLostOrRepeated() throws Exception {
    RoomPage alice = page("alice").open("resume").join("Alice");
    RoomPage bob = page("bob").open("resume").join("Bob");
    alice.silence();
    bob.silence();
    awaitRemoteVideos(alice, 1);
    awaitRemoteVideos(bob, 1);
    String bobIdentity = (String) bob.snapshot().get("identity");

    // Both listen before either sends: a message that arrived before its listener would count as lost.
    alice.runScript(LISTEN);
    bob.runScript(LISTEN);
    alice.runScript(SEND);
    bob.runScript(SEND);
    await("the exchange is under way").until(() -> number(bob.runScript("return window.__exchange.received.length")) >= 20);
    long aliceAnswersBefore = number(alice.runScript("return window.__exchange.peer.link.stats.answersReceived"));
    long aliceFramesBefore = alice.remoteVideos().get(0).framesDecoded();
    long bobFramesBefore = bob.remoteVideos().get(0).framesDecoded();
    String admin = adminToken();
    assertThat(post("/api/v1/peers/" + bobIdentity + "/reconnect", admin, "").statusCode()).isEqualTo(202);
    alice.runScript("window.__exchange.peer.link.restartIce()");

    List<Object> numbers = new ArrayList<>();
    for (int n = 0; n < MESSAGES; n++) {
      numbers.add((long) n);
    }
    await("every message arrives once, in order").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(received(alice)).isEqualTo(numbers);
      assertThat(received(bob)).filteredOn(m -> !m.equals("resumed")).isEqualTo(numbers);
    });
    List<Object> bobReceived = received(bob);
    assertThat(bobReceived).as("bob resumed once, in the middle of the exchange").containsOnlyOnce("resumed");
    assertThat(bobReceived.indexOf("resumed")).isBetween(1, MESSAGES - 1);
    Map<?, ?> bobStats = (Map<?, ?>) bob.snapshot().get("stats");
    assertThat(bobStats.get("resumes")).isEqualTo(1L);
    assertThat(bobStats.get("sessions")).as("the same session, not a new one").isEqualTo(1L);
    for (RoomPage page : List.of(alice, bob)) {
      Map<?, ?> stats = (Map<?, ?>) page.snapshot().get("stats");
      assertThat(stats.get("duplicates")).as("frames received twice").isEqualTo(0L);
      assertThat(stats.get("gaps")).as("frames missing").isEqualTo(0L);
      assertThat(page.runScript("return window.__exchange.peer.link.pc === window.__exchange.pc")).isEqualTo(true);
    }

    await("alice's ICE restart went through: bob answered it, and they are connected").untilAsserted(() -> {
      assertThat(number(alice.runScript("return window.__exchange.peer.link.stats.answersReceived")))
          .isEqualTo(aliceAnswersBefore + 1);
      assertThat(alice.runScript("return window.__exchange.peer.link.pc.connectionState")).isEqualTo("connected");
    });
    await("video keeps coming on both sides").untilAsserted(() -> {
      assertThat(alice.remoteVideos().get(0).framesDecoded()).isGreaterThan(aliceFramesBefore + 30);
      assertThat(bob.remoteVideos().get(0).framesDecoded()).isGreaterThan(bobFramesBefore + 30);
    });
    assertThat(alice.notices()).as("bob never left").noneSatisfy(n -> assertThat(n.code()).isEqualTo("peer-left"));
    assertThat(alice.errors()).isEmpty();

    assertThat(post("/api/v1/rooms/resume/messages", admin, "{\"data\":\"maintenance at noon\"}").statusCode())
        .isEqualTo(202);
    await("the operator's message is shown").untilAsserted(() -> assertThat(bob.notices())
        .anySatisfy(n -> assertThat(n.text()).isEqualTo("Message from the operator: maintenance at noon")));
  }

  // --- helpers ----------------------------------------------------------------------------

  private static final int MESSAGES = 100;

  /**
   * Sends the one other member {@value #MESSAGES} numbered room messages, 25 ms apart (within the
   * server's rate limit), and records in {@code window.__exchange.received} the numbers that come
   * from the other side, and "resumed" when the session resumes.
   */
  private static final String LISTEN = """
      const { room, session } = window.junctionRoom;
      const peer = [...room.members.values()][0];
      const exchange = window.__exchange = { peer, pc: peer.link.pc, sent: 0, received: [] };
      room.addEventListener('message', (e) => {
        if (e.detail.data?.kind === 'count') exchange.received.push(e.detail.data.n);
      });
      session.addEventListener('resumed', () => exchange.received.push('resumed'));
      """;

  private static final String SEND = """
      const { room } = window.junctionRoom;
      const exchange = window.__exchange;
      const peer = exchange.peer;
      const timer = setInterval(() => {
        room.send({ kind: 'count', n: exchange.sent }, peer.identity);
        if (++exchange.sent === %d) clearInterval(timer);
      }, 25);
      """.formatted(MESSAGES);

  private static List<Object> received(RoomPage page) {
    return new ArrayList<>((List<?>) page.runScript("return window.__exchange.received"));
  }

  /** An admin token from the development server's token endpoint (this test runs on its machine). */
  private String adminToken() throws Exception {
    HttpResponse<String> response = post("/api/v1/dev/token", null, "{\"identity\":\"ops\",\"admin\":true}");
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("token").asText();
  }

  private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browsers.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private RoomPage page(String label) {
    return new RoomPage(browsers.open(label), browsers.baseUrl());
  }

  /** Media is proven by frames decoded on each peer connection, never by element sizes (TESTING.md). */
  static void awaitRemoteVideos(RoomPage page, int count) {
    await(count + " remote videos decoding").atMost(MEDIA_TIMEOUT).untilAsserted(() -> {
      List<RemoteVideo> videos = page.remoteVideos();
      assertThat(videos).hasSize(count).allSatisfy(video -> {
        assertThat(video.framesDecoded()).as("frames from %s", video.identity()).isPositive();
        assertThat(video.frameWidth()).isPositive();
        assertThat(video.frameHeight()).isPositive();
      });
    });
  }
}
