package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.server.nativev1.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The native protocol's session and rooms of {@code /js/junction.js} in one Chromium page,
 * without cameras, against real servers: tokens (none, a valid one, a room it does not grant),
 * and a server restart, after which the sessions cannot be resumed and start over.
 */
class NativeSessionJsTest {

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  @Test
  void whenTokensAreRequiredAMissingOneIsAFatalErrorAndAValidOneJoinsOnlyTheRoomItGrants() {
    browsers.restartServerWith("native.auth.mode=jwt");
    String token = TestTokens.hs256("carol", Map.of("room", "granted"));

    Map<?, ?> result = (Map<?, ?>) run(page(), """
        const devToken = await J.devTokenSource(location.origin, () => ({ identity: 'x' }))();
        const anonymous = new J.NativeSession({ name: 'Nobody', log: () => {} });
        const errors = [];
        anonymous.addEventListener('error', (e) => errors.push(e.detail));
        const refused = await anonymous.connect().then(() => 'welcomed', (e) => e.code);

        const carol = new J.NativeSession({ token: '%s', identity: 'ignored-with-a-token', log: () => {} });
        const welcome = await carol.connect();
        const granted = await new J.Room(carol, 'granted').join().then(() => 'joined', (e) => e.code);
        const other = await new J.Room(carol, 'other').join().then(() => 'joined', (e) => e.code + ': ' + e.message);
        carol.close();
        return { devToken, refused, error: errors[0], state: anonymous.state, identity: welcome.identity, granted, other };
        """.formatted(token));

    assertThat(result.get("devToken")).as("a production server mints no development token").isNull();
    assertThat(result.get("refused")).isEqualTo("token-missing");
    Map<?, ?> error = (Map<?, ?>) result.get("error");
    assertThat(error.get("fatal")).isEqualTo(true);
    assertThat((String) error.get("message")).startsWith("This server only lets people in with an access token.");
    assertThat(result.get("state")).as("no retrying after a refusal").isEqualTo("closed");
    assertThat(result.get("identity")).as("the token's subject").isEqualTo("carol");
    assertThat(result.get("granted")).isEqualTo("joined");
    assertThat((String) result.get("other")).startsWith("room-not-granted: Your access token does not let you into this room.");
  }

  @Test
  void afterAServerRestartTheSessionsStartOverAndTheirRoomIsJoinedAgain() {
    JavascriptExecutor page = page();
    run(page, """
        const people = window.__people = {};
        for (const name of ['alice', 'bob']) {
          const session = new J.NativeSession({ identity: name, log: () => {} });
          const events = [];
          session.addEventListener('welcome', (e) => events.push(e.detail.restarted ? 'welcome again' : 'welcome'));
          const room = new J.Room(session, 'team');
          room.addEventListener('joined', () => events.push('joined'));
          room.addEventListener('peerleft', (e) => events.push('peer-left ' + e.detail.reason));
          room.addEventListener('peerjoined', () => events.push('peer-joined'));
          people[name] = { session, room, events };
          await room.join();
        }
        """);
    await("both in the room").untilAsserted(() -> assertThat(members(page, "alice")).containsExactly("bob"));
    int port = browsers.server().httpPort();

    browsers.server().stop();
    browsers.server(BrowserHarness.startServer(port));

    await("both are back in the room, in new sessions").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(members(page, "alice")).containsExactly("bob");
      assertThat(members(page, "bob")).containsExactly("alice");
      assertThat(page.executeScript("return window.__people.alice.session.stats.sessions")).isEqualTo(2L);
      assertThat(page.executeScript("return window.__people.bob.session.stats.sessions")).isEqualTo(2L);
    });
    assertThat(page.executeScript("return window.__people.alice.events")).asList().startsWith(
        "welcome", "joined", "peer-joined", "welcome again", "peer-left restarted", "joined");
  }

  private JavascriptExecutor page() {
    ChromeDriver driver = browsers.open("page");
    driver.get(browsers.baseUrl() + "/");
    return driver;
  }

  private static Object run(JavascriptExecutor page, String body) {
    return BrowserHarness.runWithModule((ChromeDriver) page, "/js/junction.js", body);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> members(JavascriptExecutor page, String who) {
    return (List<Object>) page.executeScript("return [...window.__people[arguments[0]].room.members.keys()]", who);
  }
}
