package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The real {@code peerjs} client (1.5.5, vendored in test resources) in two headless Chromium
 * browsers, with Junction as its PeerServer: one peer takes an id from {@code GET /<key>/id},
 * the other names itself; they open a data connection and trade messages, then make a video call,
 * proven by frames decoded on both sides. Nothing but Junction carries their signaling.
 */
class PeerJsBrowserTest {

  private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(20);

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();
  private final TestPages pages = new TestPages("/peerjs");

  @AfterEach
  void stopPages() {
    pages.close();
  }

  @Test
  void twoPeerJsClientsExchangeDataAndMakeAVideoCallThroughJunction() throws Exception {
    JavascriptExecutor alice = open("alice");
    JavascriptExecutor bob = open("bob");
    alice.executeScript("peerPage.start(null)");
    bob.executeScript("peerPage.start('bob')");
    await("alice is open with an id from GET /peerjs/peerjs/id").untilAsserted(() ->
        assertThat(alice.executeScript("return peerPage.id")).asString().matches("[0-9a-f-]{36}"));
    await("bob is open as bob").untilAsserted(() ->
        assertThat(bob.executeScript("return peerPage.id")).isEqualTo("bob"));

    alice.executeScript("peerPage.send('bob', 'ping 1')");
    await("bob gets alice's message over the data channel").atMost(MEDIA_TIMEOUT).untilAsserted(() ->
        assertThat(received(bob)).contains("ping 1"));
    await("alice gets bob's answer").untilAsserted(() -> assertThat(received(alice)).contains("pong 1"));

    alice.executeScript("peerPage.callPeer('bob')");
    awaitRemoteVideo(alice);
    awaitRemoteVideo(bob);

    assertThat(alice.executeScript("return peerPage.errors")).asList().isEmpty();
    assertThat(bob.executeScript("return peerPage.errors")).asList().isEmpty();
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(browsers.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).as("the signaling went through Junction's PeerJS dialect")
        .containsPattern("junction_signaling_messages_relayed_total\\{dialect=\"peerjs\"} [1-9]");
  }

  private JavascriptExecutor open(String label) {
    ChromeDriver driver = browsers.open(label);
    driver.get(pages.url("peer-page.html") + "?junctionPort=" + browsers.server().httpPort());
    return driver;
  }

  private static List<String> received(JavascriptExecutor page) {
    return ((List<?>) page.executeScript("return peerPage.received")).stream().map(String::valueOf).toList();
  }

  /** Media is proven by frames decoded, never by element sizes (TESTING.md). */
  private static void awaitRemoteVideo(JavascriptExecutor page) {
    await("remote video frames decoded").atMost(MEDIA_TIMEOUT).untilAsserted(() -> {
      Map<?, ?> stats = (Map<?, ?>) page.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "peerPage.videoStats().then(done, (e) => done({error: String(e)}));");
      assertThat(stats.get("error")).isNull();
      assertThat(((Number) stats.get("framesDecoded")).longValue()).isPositive();
      assertThat(((Number) stats.get("frameWidth")).longValue()).isPositive();
      assertThat(((Number) stats.get("frameHeight")).longValue()).isPositive();
    });
  }
}
