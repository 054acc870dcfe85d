package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.junction.server.browser.ChatPage.VideoStats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The video-chat app and junction.js in real Chromium, against a real Junction server: people
 * join, chat and call each other by clicking and typing, and media is proven by frames decoded.
 */
class VideoChatBrowserTest {

  private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(20);

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  /**
   * The page's default: the native protocol. Both are in the server's lobby, see each other by
   * name (their identities are per tab), chat through the lobby and call by clicking.
   */
  @Test
  void nativeProtocolByDefaultChatThenCallShowsVideoOnBothSidesAndHangUpEndsItForBoth() {
    ChatPage alice = page("alice").join("alice");
    ChatPage bob = page("bob").join("bob");
    assertThat(alice.runScript("return window.junctionChat.dialect")).isEqualTo("native");

    await("both see each other in the list").untilAsserted(() -> {
      assertThat(alice.users()).containsExactly("alice", "bob");
      assertThat(bob.users()).containsExactly("bob", "alice");
    });
    assertThat(browsers.server().openSockets()).as("one native session each, nothing else").isEqualTo(2);

    alice.sendChat("hello <b>bob</b>");
    await("bob sees alice's message, as text").untilAsserted(() ->
        assertThat(bob.chatLines()).anySatisfy(line -> assertThat(line).contains("alice").endsWith("hello <b>bob</b>")));
    assertThat(alice.chatLines()).anySatisfy(line -> assertThat(line).contains("alice").endsWith("hello <b>bob</b>"));
    assertThat(bob.callState()).as("nobody is called by being in the lobby").isEqualTo("idle");

    aliceCallsBobAndBobHangsUp(alice, bob);
    assertThat(alice.users()).as("both still online").containsExactly("alice", "bob");
  }

  /** A full lobby and a refused token are shown to the person, who stays on the login form. */
  @Test
  void aFullLobbyAndARefusedTokenAreShownToThePerson() {
    browsers.restartServerWith("native.lobby.capacity=1");
    ChatPage alice = page("alice").join("alice");
    ChatPage bob = page("bob").pressJoin("", "bob");
    await("bob is told the chat is full").untilAsserted(() -> {
      assertThat(bob.errors()).anySatisfy(n -> {
        assertThat(n.code()).isEqualTo("room-full");
        assertThat(n.text()).contains("full");
      });
      assertThat(bob.showsLogin()).isTrue();
    });
    assertThat(alice.users()).containsExactly("alice");

    ChatPage carol = page("carol").pressJoin("token=not.a.jwt", "carol");
    await("carol is told the token was refused").untilAsserted(() -> {
      assertThat(carol.errors()).anySatisfy(n -> {
        assertThat(n.code()).isEqualTo("token-invalid");
        assertThat(n.text()).contains("access token");
      });
      assertThat(carol.showsLogin()).isTrue();
    });
  }

  @Test
  void mdnDialectChatThenCallShowsVideoOnBothSidesAndHangUpEndsItForBoth() {
    ChatPage alice = page("alice").join("mdn", "alice");
    ChatPage bob = page("bob").join("mdn", "bob");

    await("both see each other in the list").untilAsserted(() -> {
      assertThat(alice.users()).contains("alice", "bob");
      assertThat(bob.users()).contains("alice", "bob");
    });

    alice.sendChat("hello <b>bob</b>");
    await("bob sees alice's message, tags stripped by the server").untilAsserted(() ->
        assertThat(bob.chatLines()).anySatisfy(line -> assertThat(line).contains("alice").endsWith("hello bob")));
    await("alice sees the server's echo of her own message").untilAsserted(() ->
        assertThat(alice.chatLines()).anySatisfy(line -> assertThat(line).contains("alice").endsWith("hello bob")));

    aliceCallsBobAndBobHangsUp(alice, bob);
  }

  @Test
  void tutorialDialectCallByNameShowsVideoOnBothSidesAndHangUpEndsItForBoth() {
    ChatPage alice = page("alice").join("tutorial", "alice");
    ChatPage bob = page("bob").join("tutorial", "bob");
    assertThat(alice.shows("dial")).as("call by name").isTrue();
    assertThat(alice.shows("people")).as("no user list in this dialect").isFalse();
    assertThat(alice.shows("chat")).as("no chat in this dialect").isFalse();
    alice.muteRemoteMedia();
    bob.muteRemoteMedia();

    alice.callByName("bob");

    awaitInCall(alice, "bob");
    awaitInCall(bob, "alice");
    awaitRemoteVideo(alice);
    awaitRemoteVideo(bob);

    alice.hangUp();
    awaitCallClosed(alice);
    awaitCallClosed(bob);
    assertThat(bob.notices()).anySatisfy(n -> assertThat(n.text()).contains("alice ended the call"));
  }

  /**
   * Both click "call" at the same wall-clock instant, so both make an offer and the offers
   * cross. Perfect negotiation must turn that into one call: the impolite side (alice: she came
   * to the lobby first, so the server made her impolite toward bob) ignores the other offer, the
   * polite side (bob) rolls its own back. On the page's default dialect, the native protocol. Whether
   * the offers really cross depends on timing, so the test repeats until it saw a collision
   * (usually the first attempt) and fails if it never did: it cannot pass vacuously.
   */
  @Test
  void simultaneousCallsFromBothSidesEndInOneWorkingCall() {
    ChatPage alice = page("alice").join("alice");
    ChatPage bob = page("bob").join("bob");
    await().untilAsserted(() -> assertThat(alice.users()).contains("bob"));
    await().untilAsserted(() -> assertThat(bob.users()).contains("alice"));
    assertThat(alice.shows("dial")).as("no call by name with a user list").isFalse();
    alice.muteRemoteMedia();
    bob.muteRemoteMedia();

    for (int attempt = 1; attempt <= 4; attempt++) {
      long at = System.currentTimeMillis() + 800; // the browsers share this machine's clock
      clickUserAt(alice, "bob", at);
      clickUserAt(bob, "alice", at);

      awaitInCall(alice, "bob");
      awaitInCall(bob, "alice");
      awaitRemoteVideo(alice);
      awaitRemoteVideo(bob);

      Map<String, Long> a = alice.callStats();
      Map<String, Long> b = bob.callStats();
      System.out.printf("glare attempt %d: alice %s%n                 bob   %s%n", attempt, a, b);
      if (a.get("collisions") + b.get("collisions") > 0) {
        assertThat(a.get("offersSent")).as("alice offered").isPositive();
        // Bob's offer was sent, or was still being made when alice's came and went with the
        // peer connection bob dropped to answer afresh (PeerLink's fresh start).
        assertThat(b.get("offersSent") + b.get("freshStarts")).as("bob offered").isPositive();
        // Impolite alice ignores every colliding offer; polite bob rolls back for every one.
        assertThat(a.get("ignoredOffers")).isEqualTo(a.get("collisions"));
        assertThat(a.get("rollbacks")).isZero();
        assertThat(b.get("rollbacks")).isEqualTo(b.get("collisions"));
        assertThat(b.get("ignoredOffers")).isZero();
        assertThat(alice.callPeer()).isEqualTo("bob");
        assertThat(bob.callPeer()).isEqualTo("alice");
        return;
      }
      alice.hangUp();
      awaitCallClosed(alice);
      awaitCallClosed(bob);
    }
    fail("the offers never collided in 4 simultaneous calls: the test could not exercise glare");
  }

  @Test
  void callingANameNobodyHasShowsAUserGoneError() {
    ChatPage alice = page("alice").join("tutorial", "alice");

    alice.callByName("nobody");

    // The tutorial server drops offers to unknown names silently; the page gives up after 10 s.
    await("a visible user-gone error").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(alice.errors()).anySatisfy(n -> {
          assertThat(n.code()).isEqualTo("user-gone");
          assertThat(n.text()).contains("nobody");
        }));
    assertThat(alice.callState()).isEqualTo("idle");
  }

  @Test
  void partnerWhoClosesTheBrowserMidCallIsShownAsGone() {
    ChatPage alice = page("alice").join("mdn", "alice");
    ChromeDriver bobBrowser = browsers.open("bob");
    ChatPage bob = new ChatPage(bobBrowser, browsers.baseUrl()).join("mdn", "bob");
    await().untilAsserted(() -> assertThat(alice.users()).contains("bob"));
    alice.muteRemoteMedia();
    bob.muteRemoteMedia();
    alice.clickUser("bob");
    awaitInCall(alice, "bob");

    browsers.quit(bobBrowser);

    await("alice is told bob left").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(alice.errors()).anySatisfy(n -> {
          assertThat(n.code()).isEqualTo("user-gone");
          assertThat(n.text()).contains("bob left");
        }));
    awaitCallClosed(alice);
    assertThat(alice.users()).doesNotContain("bob");
  }

  @Test
  void deniedCameraIsShownAndTheCallIsNotStarted() {
    ChatPage alice = new ChatPage(browsers.open("alice", BrowserHarness.Camera.DENY), browsers.baseUrl())
        .join("mdn", "alice");
    ChatPage bob = page("bob").join("mdn", "bob");
    await().untilAsserted(() -> assertThat(alice.users()).contains("bob"));

    alice.clickUser("bob");

    await("a visible camera-denied error").untilAsserted(() ->
        assertThat(alice.errors()).anySatisfy(n -> {
          assertThat(n.code()).isEqualTo("camera-denied");
          assertThat(n.text()).containsIgnoringCase("camera");
        }));
    assertThat(alice.callState()).isEqualTo("idle");
    assertThat(bob.callState()).isEqualTo("idle");
  }

  @Test
  void lostSignalingIsShownAndTheSessionComesBackUnderTheSameName() {
    ChatPage alice = page("alice").join("mdn", "alice");
    ChatPage bob = page("bob").join("mdn", "bob");
    await().untilAsserted(() -> assertThat(alice.users()).contains("bob"));
    int port = browsers.server().httpPort();

    browsers.server().stop();
    await("alice sees the connection is lost").untilAsserted(() -> {
      assertThat(alice.connectionState()).isEqualTo("reconnecting");
      assertThat(alice.errors()).extracting(Notice::code).contains("signaling-lost");
    });

    browsers.server(BrowserHarness.startServer(port));
    await("both are back, under the same names").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(alice.connectionState()).isEqualTo("open");
      assertThat(alice.users()).containsExactlyInAnyOrder("alice", "bob");
      assertThat(bob.users()).containsExactlyInAnyOrder("alice", "bob");
    });
    assertThat(alice.me()).isEqualTo("You are alice");
    assertThat(alice.errors()).extracting(Notice::code).doesNotContain("signaling-lost");
  }

  /** Close codes that judge this client (here 1008, rate limit) are shown and not retried. */
  @Test
  void aFloodingPageIsCutOffVisiblyAndDoesNotReconnect() throws InterruptedException {
    ChatPage alice = page("alice").join("mdn", "alice");

    // A runaway script: far more messages at once than the server's burst allowance.
    alice.runScript("for (let i = 0; i < 1000; i++) window.junctionChat.client.sendChat('spam ' + i);");

    await("a visible error naming the cause").untilAsserted(() -> {
      assertThat(alice.connectionState()).isEqualTo("closed");
      assertThat(alice.errors()).anySatisfy(n -> {
        assertThat(n.code()).isEqualTo("signaling-closed");
        assertThat(n.text()).contains("policy").contains("1008");
      });
    });
    Thread.sleep(1500); // longer than the first reconnect delay
    assertThat(alice.connectionState()).as("no reconnect after 1008").isEqualTo("closed");
    assertThat(browsers.server().openSockets()).isZero();
  }

  // --- helpers ----------------------------------------------------------------------------

  private ChatPage page(String label) {
    return new ChatPage(browsers.open(label), browsers.baseUrl());
  }

  /** Alice clicks bob: both see the other's video; bob hangs up and the call ends for both. */
  private static void aliceCallsBobAndBobHangsUp(ChatPage alice, ChatPage bob) {
    aliceCallsBob(alice, bob);

    bob.hangUp();
    awaitCallClosed(bob);
    awaitCallClosed(alice);
    assertThat(alice.notices()).anySatisfy(n -> assertThat(n.text()).contains("bob ended the call"));
  }

  /** Alice clicks bob: both are in the call and decode the other's video. */
  static void aliceCallsBob(ChatPage alice, ChatPage bob) {
    alice.muteRemoteMedia();
    bob.muteRemoteMedia();
    alice.clickUser("bob");

    awaitInCall(alice, "bob");
    awaitInCall(bob, "alice");
    awaitRemoteVideo(alice);
    awaitRemoteVideo(bob);
  }

  static void awaitInCall(ChatPage page, String peer) {
    await("in call with " + peer).atMost(MEDIA_TIMEOUT).untilAsserted(() -> {
      assertThat(page.callState()).isEqualTo("in-call");
      assertThat(page.callStatus()).isEqualTo("In call with " + peer);
    });
  }

  /** Media is proven by frames decoded, never by element sizes (TESTING.md). */
  static void awaitRemoteVideo(ChatPage page) {
    await("remote video frames decoded").atMost(MEDIA_TIMEOUT).untilAsserted(() -> {
      VideoStats stats = page.remoteVideoStats();
      assertThat(stats.framesDecoded()).isPositive();
      assertThat(stats.frameWidth()).isPositive();
      assertThat(stats.frameHeight()).isPositive();
    });
  }

  private static void awaitCallClosed(ChatPage page) {
    await("call ended").untilAsserted(() -> {
      assertThat(page.callState()).isEqualTo("idle");
      assertThat(page.callStatus()).isEqualTo("Not in a call");
      assertThat(page.lastPeerConnectionState()).isEqualTo("closed");
    });
  }

  /** A person clicking at a given instant: scheduled inside the page on its own clock. */
  private static void clickUserAt(ChatPage page, String user, long epochMillis) {
    page.runScript(
        "const [who, at] = arguments;"
            + "setTimeout(() => document.querySelector('#users button[data-name=\"' + who + '\"]').click(),"
            + " Math.max(0, at - Date.now()));",
        user, epochMillis);
  }
}
