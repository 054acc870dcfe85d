package dev.junction.server.browser;

import static dev.junction.server.browser.CameraViewerPage.SAMPLE;
import static dev.junction.server.browser.CameraViewerPage.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The camera viewer and the XProtect sample page in real Chromium against a real Junction
 * server: the form a person sees, what the query string fills in, and that every failure
 * before media reaches the person as a notice that says what failed and why. (Media through
 * the gateway is proven by the gateway's browser acceptance tests.) The failures provoked here
 * — a wrong password, a token the gateway refuses, an unreachable gateway — fail the same way
 * whether or not the server runs a camera gateway.
 */
class CameraViewerPageTest {

  /** A camera id of the right shape; no test here gets as far as needing it to exist. */
  private static final String CAMERA = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  private static final Duration SHOWN_WITHIN = Duration.ofSeconds(10);

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  private ChromeDriver browser;
  private CameraViewerPage page;

  @BeforeEach
  void openBrowser() {
    browser = browsers.open("viewer");
    page = new CameraViewerPage(browser, browsers.baseUrl());
  }

  @Test
  void formOffersThisOriginsGatewayAndThisServersStunAndTurnAndWaitsForStart() {
    browser.get(browsers.baseUrl() + "/camera");
    assertThat(browser.getCurrentUrl()).as("/camera redirects to the app's folder").endsWith("/camera/");
    page.open(VIEWER, "");

    assertThat(page.field("gateway")).isEqualTo(browsers.baseUrl() + "/api");
    assertThat(page.field("stun")).startsWith("stun:localhost:");
    assertThat(page.field("turn")).startsWith("turn:localhost:").contains("?transport=udp", "?transport=tcp");
    assertThat(page.field("turn-username")).as("minted TURN user").isNotEmpty();
    assertThat(page.field("turn-credential")).as("minted TURN password").isNotEmpty();
    assertThat(page.state()).isEqualTo("idle");
    assertThat(page.stateText()).isEqualTo("Stopped");
    assertThat(page.enabled("start")).isTrue();
    assertThat(page.enabled("stop")).isFalse();
    assertThat(page.viewer()).containsEntry("state", "idle").containsEntry("framesDecoded", 0L)
        .containsEntry("frameWidth", 0L).containsEntry("frameHeight", 0L);
    assertThat(page.notices()).isEmpty();
    assertThat(page.scriptErrors()).isEmpty();
  }

  @Test
  void queryStringFillsTheFormAndSecretsLeaveTheAddressBar() {
    page.open(VIEWER, "gateway=http://127.0.0.1:9/api&user=demo&password=pw-123&camera=" + CAMERA
        + "&stun=stun:127.0.0.1:3478&turn=&turnUser=&turnPassword=turn-pw-7");

    assertThat(page.field("gateway")).isEqualTo("http://127.0.0.1:9/api");
    assertThat(page.field("username")).isEqualTo("demo");
    assertThat(page.field("password")).isEqualTo("pw-123");
    assertThat(page.field("camera")).isEqualTo(CAMERA);
    assertThat(page.field("stun")).as("given, so not prefilled").isEqualTo("stun:127.0.0.1:3478");
    assertThat(page.field("turn")).as("given empty, so not prefilled").isEmpty();
    assertThat(page.field("turn-credential")).isEqualTo("turn-pw-7");
    assertThat(page.location()).contains("user=demo", "camera=" + CAMERA).doesNotContain("pw-123", "password", "turn-pw-7");
    assertThat(page.state()).as("no autostart").isEqualTo("idle");
  }

  @Test
  void wrongPasswordShowsLoginFailedAndStartCanBePressedAgain() {
    page.open(VIEWER, "user=demo&password=not-the-password&camera=" + CAMERA + "&autostart=1");

    Notice error = awaitOneError();
    assertThat(error.code()).isEqualTo("login-failed");
    assertThat(error.text()).startsWith("Login failed: ").containsPattern("\\[HTTP 4\\d\\d]");
    assertThat(page.state()).isEqualTo("failed");
    assertThat(page.stateText()).isEqualTo("Failed");
    assertThat(page.enabled("start")).isTrue();
    assertThat(page.enabled("stop")).isFalse();
    assertThat(page.viewer()).containsEntry("sessionId", null).containsEntry("errors", List.of("login-failed"));
    assertThat(page.scriptErrors()).isEmpty();
  }

  @Test
  void tokenTheGatewayRefusesShowsWhyTheSessionWasNotCreated() {
    page.open(VIEWER, "token=not-a-valid-token&camera=" + CAMERA + "&stun=&turn=");
    page.click("start");

    Notice error = awaitOneError();
    assertThat(error.code()).isEqualTo("session-failed");
    assertThat(error.text()).startsWith("Could not create a session for camera " + CAMERA + ": ")
        .containsPattern("\\[HTTP 4\\d\\d]");
    assertThat(page.state()).isEqualTo("failed");
    assertThat(page.viewer()).containsEntry("sessionId", null).containsEntry("iceConnectionState", "");
    assertThat(page.scriptErrors()).isEmpty();
  }

  @Test
  void unreachableGatewayIsNamedInTheError() throws IOException {
    String gateway = "http://127.0.0.1:" + portNobodyListensOn() + "/api";
    page.open(VIEWER, "gateway=" + gateway + "&user=demo&password=x&camera=" + CAMERA + "&autostart=1");

    Notice error = awaitOneError();
    assertThat(error.code()).isEqualTo("login-failed");
    assertThat(error.text()).startsWith("Login failed: cannot reach the gateway at " + gateway);
  }

  @Test
  void incompleteOrMalformedFieldsAreRefusedWithTheFieldNamed() {
    page.open(VIEWER, "camera=" + CAMERA);

    assertThat(startFails()).isEqualTo(new Notice("error", "no-credentials",
        "Enter a username and password, or paste a bearer token."));

    page.type("token", "some-token");
    page.type("stun", "http://stun.example");
    assertThat(startFails().code()).isEqualTo("bad-ice-servers");
    assertThat(page.errors().get(0).text()).contains("STUN", "http://stun.example");

    page.type("stun", "");
    page.type("turn", "turn:127.0.0.1:3478");
    page.type("turn-username", "");
    assertThat(startFails()).isEqualTo(new Notice("error", "bad-ice-servers",
        "A TURN server needs its username and password."));

    page.type("turn", "");
    page.type("gateway", "ftp://gateway.example/api");
    assertThat(startFails().code()).isEqualTo("bad-gateway-url");

    page.type("gateway", browsers.baseUrl() + "/api");
    page.type("camera", "");
    assertThat(startFails()).isEqualTo(new Notice("error", "no-camera", "Choose a camera, or type its id."));
    assertThat(page.scriptErrors()).isEmpty();
  }

  @Test
  void samplePageShowsAFailedLoginAndRecordsTheCall() {
    page.open(SAMPLE, "user=demo&password=not-the-password&camera=" + CAMERA + "&autostart=1");

    Notice error = awaitOneError();
    assertThat(error.code()).isEqualTo("login-failed");
    assertThat(error.text()).startsWith("Login failed: HTTP 4");
    assertThat(page.state()).isEqualTo("failed");
    List<Map<String, Object>> calls = page.calls();
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call).containsEntry("kind", "token").containsEntry("method", "POST")
          .containsEntry("path", "/IDP/connect/token");
      assertThat((Long) call.get("status")).isBetween(400L, 499L);
      assertThat(((Number) call.get("endedAt")).doubleValue()).isGreaterThanOrEqualTo(((Number) call.get("startedAt")).doubleValue());
    });
    assertThat(page.scriptErrors()).isEmpty();
  }

  /** Presses Start and returns the one error it shows (Start clears the earlier ones). */
  private Notice startFails() {
    page.click("start");
    Notice error = awaitOneError();
    assertThat(page.state()).isEqualTo("failed");
    return error;
  }

  private Notice awaitOneError() {
    await().alias("the page shows an error").atMost(SHOWN_WITHIN).until(() -> !page.errors().isEmpty());
    List<Notice> errors = page.errors();
    assertThat(errors).as("errors shown; page log:%n%s", page.log()).hasSize(1);
    return errors.get(0);
  }

  /** A loopback port the OS just handed out and that nothing listens on any more. */
  private static int portNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
