package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pure parts of the camera pages' modules, run in Chromium without a gateway: reading the
 * error bodies a gateway or a proxy sends, the STUN/TURN fields, the video figures from
 * getStats reports, token timing, and the summary of the XProtect sample's call race.
 */
class CameraJsTest {

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  private ChromeDriver browser;

  @BeforeEach
  void openPage() {
    browser = browsers.open("js");
    browser.get(browsers.baseUrl() + "/");
  }

  @Test
  void errorDetailReadsEveryErrorBodyShapeAndIgnoresEmptyOnes() {
    assertThat(run("/camera/xprotect-client.js", """
        return [
          {error: {httpCode: 403, errorText: 'no access to the camera', details: []}, message: 'Forbidden'},
          {error: 'invalid_grant', error_description: 'invalid username or password'},
          {type: 'about:blank', title: 'Not Found', status: 404, detail: 'nothing is served at /x'},
          {title: 'Too Many Requests'},
          {error: 'forbidden', message: 'no access to camera 7', status: 403},
          {error: 'unauthorized'},
          '  <html><body>502 Bad Gateway</body></html>\\n',
          {error: {httpCode: 500, errorText: ''}},
          {},
          null,
        ].map(J.errorDetail);
        """)).isEqualTo(List.of(
            "no access to the camera",
            "invalid username or password",
            "Not Found: nothing is served at /x",
            "Too Many Requests",
            "no access to camera 7",
            "unauthorized",
            "<html><body>502 Bad Gateway</body></html>",
            "", "", ""));
  }

  @Test
  void iceFieldsTakeTheStunUrlsAndTheFirstTurnServerAndGiveThemBack() {
    Map<?, ?> result = (Map<?, ?>) run("/camera/ice-fields.js", """
        const junction = [  // GET /api/ice-servers
          {urls: ['stun:h:3478']},
          {urls: ['turn:h:3478?transport=udp', 'turn:h:3478?transport=tcp'], username: '17:u', credential: 'c1'},
          {url: 'stun:other:19302'},  // the XProtect sample's singular url
          {urls: 'turns:second:5349', username: 'x', credential: 'y'},
        ];
        const fields = J.iceFields(junction);
        return {fields, back: J.iceServersFrom(fields), none: J.iceServersFrom({stun: ' ', turn: ''})};
        """);

    assertThat(result.get("fields")).isEqualTo(Map.of(
        "stun", "stun:h:3478 stun:other:19302",
        "turn", "turn:h:3478?transport=udp turn:h:3478?transport=tcp",
        "turnUsername", "17:u",
        "turnCredential", "c1"));
    assertThat(result.get("back")).isEqualTo(List.of(
        Map.of("urls", List.of("stun:h:3478", "stun:other:19302")),
        Map.of("urls", List.of("turn:h:3478?transport=udp", "turn:h:3478?transport=tcp"),
            "username", "17:u", "credential", "c1")));
    assertThat(result.get("none")).isEqualTo(List.of());
  }

  @Test
  void iceFieldsRefuseWrongSchemesAndTurnWithoutCredentials() {
    assertThat(run("/camera/ice-fields.js", """
        const problem = (fields) => { try { J.iceServersFrom(fields); return 'accepted'; } catch (e) { return e.message; } };
        return [
          problem({stun: 'stun:a:1, turn:b:2', turn: ''}),
          problem({stun: '', turn: 'stun:b:2', turnUsername: 'u', turnCredential: 'p'}),
          problem({stun: '', turn: 'turn:b:2', turnUsername: 'u', turnCredential: ''}),
          problem({stun: 'STUN:a:1', turn: 'TURNS:b:5349', turnUsername: 'u', turnCredential: 'p'}),
        ];
        """)).isEqualTo(List.of(
            "The STUN field holds \"turn:b:2\": STUN URLs start with stun: (e.g. stun:host:3478).",
            "The TURN field holds \"stun:b:2\": TURN URLs start with turn: or turns:.",
            "A TURN server needs its username and password.",
            "accepted"));
  }

  @Test
  void videoFiguresComeFromTheInboundVideoAndRatesFromTwoReadings() {
    Map<?, ?> result = (Map<?, ?>) run("/camera/stats.js", """
        const report = (t, frames, bytes, extra = {}) => new Map([
          ['a', {type: 'inbound-rtp', kind: 'audio', timestamp: t, bytesReceived: 999999}],
          ['v', {type: 'inbound-rtp', kind: 'video', timestamp: t, framesDecoded: frames, bytesReceived: bytes,
                 frameWidth: 1280, frameHeight: 720, packetsLost: 3, codecId: 'c', ...extra}],
          ['c', {type: 'codec', mimeType: 'video/H264'}],
        ]);
        const first = J.videoStats(report(1000, 10, 1000));
        const second = J.videoStats(report(3000, 60, 501000), first);
        const chromium = J.videoStats(report(4000, 85, 751000, {framesPerSecond: 24}), second);
        const none = J.videoStats(new Map([['a', {type: 'inbound-rtp', kind: 'audio'}]]));
        return {first, second, chromium, none};
        """);

    assertThat(result.get("first")).asInstanceOf(MAP)
        .containsEntry("framesDecoded", 10L).containsEntry("frameWidth", 1280L).containsEntry("frameHeight", 720L)
        .containsEntry("framesPerSecond", 0L).containsEntry("bitrateKbps", 0L).containsEntry("packetsLost", 3L)
        .containsEntry("codec", "H264");
    assertThat(result.get("second")).asInstanceOf(MAP)
        .as("50 frames and 500 kB in 2 s").containsEntry("framesPerSecond", 25L).containsEntry("bitrateKbps", 2000L);
    assertThat(result.get("chromium")).asInstanceOf(MAP)
        .as("the browser's own frame rate wins").containsEntry("framesPerSecond", 24L).containsEntry("bitrateKbps", 2000L);
    assertThat(result.get("none")).asInstanceOf(MAP)
        .containsEntry("framesDecoded", 0L).containsEntry("frameWidth", 0L).containsEntry("codec", "");
  }

  @Test
  void tokensAreRenewedAMinuteEarlyOrHalfwayAndPastedJwtsTellTheirExpiry() {
    assertThat(run("/camera/token-keeper.js", """
        const b64url = (o) => btoa(JSON.stringify(o)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
        const jwt = (claims) => `${b64url({alg: 'HS256', typ: 'JWT'})}.${b64url(claims)}.c2ln`;
        return [
          J.renewDelayMs(3600), J.renewDelayMs(300), J.renewDelayMs(60),
          J.jwtExpiry(jwt({sub: 'demo', exp: 1700000000, name: 'ÿÿ~~?'})),
          J.jwtExpiry(jwt({sub: 'demo'})),
          J.jwtExpiry('not-a-jwt'),
          J.jwtExpiry('a.%%%.c'),
        ];
        """)).isEqualTo(Arrays.asList(3_540_000L, 240_000L, 30_000L, 1_700_000_000L, null, null, null));
  }

  @Test
  void callPatternCountsWhatStartedBeforeTheAnswerWasAcceptedAndThePollingPauses() {
    Map<?, ?> result = (Map<?, ?>) run("/camera/call-pattern.js", """
        const call = (kind, startedAt, endedAt, iceStateAfter = 'new') => ({kind, startedAt, endedAt, iceStateAfter});
        const recorded = [
          call('token', 0, 10, null),
          call('session', 20, 40),
          call('candidates-get', 45, 50),
          call('answer', 48, 90, 'checking'),
          call('candidate-post', 52, 60),
          call('candidates-get', 71, 80, 'checking'),
          call('candidate-post', 95, 99),
          call('candidates-get', 101, 110, 'connected'),
          call('candidates-get', 500, 510, 'connected'),
        ];
        return {pattern: J.callPattern(recorded), empty: J.callPattern([])};
        """);

    Map<?, ?> pattern = (Map<?, ?>) result.get("pattern");
    assertThat(((Map<?, ?>) pattern.get("answer")).get("startedAt")).isEqualTo(48L);
    assertThat(pattern.get("candidatePostsBeforeAnswerDone")).isEqualTo(1L);
    assertThat(pattern.get("candidateGetsBeforeAnswerDone")).isEqualTo(2L);
    assertThat(pattern.get("pollPausesMs")).as("after a GET that ended connected, no pause counts").isEqualTo(List.of(21L, 21L));
    assertThat(result.get("empty")).asInstanceOf(MAP).containsEntry("answer", null)
        .containsEntry("candidatePostsBeforeAnswerDone", 0L).containsEntry("pollPausesMs", List.of());
  }

  private Object run(String module, String body) {
    return BrowserHarness.runWithModule(browser, module, body);
  }
}
