package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two Chromiums call each other through the AppRTC dialect the way AppRTC's web client does:
 * the first joins alone and posts its offer to the room server, the second finds it in its join
 * answer and answers through Collider, and both decode the other's video. The page is
 * {@code src/test/resources/web/test/apprtc-call.html}.
 */
class AppRtcBrowserTest {

  private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(20);

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  @Test
  void twoBrowsersSeeEachOtherThroughTheRoomServerAndCollider() {
    ChromeDriver alice = openCall("alice");
    await("alice joined and offered").atMost(MEDIA_TIMEOUT).until(() -> script(alice, "return window.__initiator") != null);
    ChromeDriver bob = openCall("bob");

    await("video both ways").atMost(MEDIA_TIMEOUT).untilAsserted(() -> {
      assertThat(frames(alice)).as("frames alice decoded").isPositive();
      assertThat(frames(bob)).as("frames bob decoded").isPositive();
    });
    assertThat(script(alice, "return window.__initiator")).isEqualTo(true);
    assertThat(script(bob, "return window.__initiator")).isEqualTo(false);
  }

  private ChromeDriver openCall(String label) {
    ChromeDriver browser = browsers.open(label);
    browser.get(browsers.baseUrl() + "/test/apprtc-call.html?room=browsers");
    return browser;
  }

  private static long frames(ChromeDriver browser) {
    Object frames = script(browser, "return window.__frames ? window.__frames() : 0");
    return ((Number) frames).longValue();
  }

  private static Object script(ChromeDriver browser, String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
