package dev.junction.server.browser;

import static dev.junction.server.browser.VideoChatBrowserTest.aliceCallsBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A browser call that may only use the built-in TURN server: both Chromiums run with
 * {@code iceTransportPolicy: "relay"}, take their TURN credentials from /api/ice-servers, and
 * the call they end up in runs over a relay candidate pair, with video decoded on both sides.
 */
class RelayCallBrowserTest {

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  @Test
  void aCallWithRelayOnlyIceRunsThroughOurTurnServer() throws Exception {
    // Both browsers are on this machine, so their relayed addresses are loopback addresses: the
    // test-only switch lets the relay reach them.
    browsers.server().stop();
    browsers.server(TestServers.start("mdn.ownListener=false", "turn.allowLoopbackPeers=true"));

    ChatPage alice = new ChatPage(browsers.open("alice"), browsers.baseUrl()).joinWith("dialect=mdn&relay=1", "alice");
    ChatPage bob = new ChatPage(browsers.open("bob"), browsers.baseUrl()).joinWith("dialect=mdn&relay=1", "bob");
    await("both online").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alice.users()).contains("bob"));
    aliceCallsBob(alice, bob);
    for (ChatPage page : new ChatPage[] {alice, bob}) {
      Map<String, String> pair = page.selectedCandidatePair();
      assertThat(pair).containsEntry("local", "relay").containsEntry("remote", "relay");
    }
    assertThat(relayedPackets()).as("packets relayed by our TURN server").isGreaterThan(100);
  }

  private long relayedPackets() throws Exception {
    String metrics = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(browsers.baseUrl() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher matcher = Pattern.compile("junction_turn_relayed_packets_total\\{direction=\"to_peer\"} ([0-9.E]+)").matcher(metrics);
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }
}
