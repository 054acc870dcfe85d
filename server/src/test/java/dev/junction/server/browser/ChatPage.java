package dev.junction.server.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The video-chat page ({@code /chat/}) as a person uses it: type a name, click people, type
 * messages, press hang up. Reads state from what the page shows, and call internals from the
 * page's read-only {@code window.junctionChat} handle.
 */
final class ChatPage {

  /** What getStats() says about the received video of the current call. */
  record VideoStats(long framesDecoded, long frameWidth, long frameHeight) {}


  private final WebDriver driver;
  private final String baseUrl;

  ChatPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Opens the page in its default dialect (the native protocol) and joins as {@code name}. */
  ChatPage join(String name) {
    return joinWith("", name);
  }

  /** Opens the page in {@code dialect} ("native", "mdn" or "tutorial") and joins as {@code name}. */
  ChatPage join(String dialect, String name) {
    return joinWith("dialect=" + dialect, name);
  }

  /** Opens the page with the query string {@code query} (e.g. "dialect=mdn&relay=1") and joins as {@code name}. */
  ChatPage joinWith(String query, String name) {
    pressJoin(query, name);
    await().alias("the page of " + name + " is online")
        .atMost(Duration.ofSeconds(10))
        .until(() -> "open".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-connection")));
    return this;
  }

  /** Opens the page with {@code query}, types {@code name} and presses Join, without waiting for anything. */
  ChatPage pressJoin(String query, String name) {
    driver.get(baseUrl + "/chat/?" + query);
    WebElement input = driver.findElement(By.id("name"));
    input.sendKeys(name);
    driver.findElement(By.id("join")).click();
    return this;
  }

  /** Whether the login form is shown (before joining, or after a refusal). */
  boolean showsLogin() {
    return shows("login");
  }

  /** Whether the element with this id is visible (e.g. "chat", "people", "dial"). */
  boolean shows(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }

  /** "You are alice" as shown in the header. */
  String me() {
    return driver.findElement(By.id("me")).getText();
  }

  /**
   * The names in the "People online" list, read in one script: the page re-renders the list on
   * every change, so elements found one call earlier may already be gone (stale).
   */
  List<String> users() {
    return ((List<?>) js().executeScript(
        "return [...document.querySelectorAll('#users button[data-user]')].map((b) => b.dataset.name);"))
        .stream().map(String::valueOf).toList();
  }

  /** Types a message and presses Enter. */
  void sendChat(String text) {
    driver.findElement(By.id("chat-text")).sendKeys(text, Keys.ENTER);
  }

  /** Chat lines as shown, e.g. "10:42 alice hello". */
  List<String> chatLines() {
    return driver.findElements(By.cssSelector("#chat-log li")).stream().map(WebElement::getText).toList();
  }

  /** Clicks the person shown as {@code name} in the list. */
  void clickUser(String name) {
    driver.findElement(By.cssSelector("#users button[data-name='" + name + "']")).click();
  }

  /** The tutorial dialect's "call by name" form. */
  void callByName(String name) {
    WebElement input = driver.findElement(By.id("call-name"));
    input.clear();
    input.sendKeys(name);
    driver.findElement(By.id("call-button")).click();
  }

  void hangUp() {
    driver.findElement(By.id("hangup")).click();
  }

  /** "idle", "calling" or "in-call". */
  String callState() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-call");
  }

  String callStatus() {
    return driver.findElement(By.id("call-status")).getText();
  }

  /** The connection pill: "Online", "Reconnecting…", ... */
  String connectionText() {
    return driver.findElement(By.id("connection")).getText();
  }

  String connectionState() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-connection");
  }

  /** Notices the person can see. */
  List<Notice> notices() {
    return Notice.shownIn(driver);
  }

  List<Notice> errors() {
    return Notice.errorsIn(driver);
  }

  /**
   * Mutes the remote video element. Needed before any getStats(): Chromium has closed itself
   * when getStats ran while remote audio played unmuted (TESTING.md).
   */
  void muteRemoteMedia() {
    js().executeScript("document.getElementById('remote-video').muted = true;");
  }

  /** inbound-rtp video of the current call; zeros when there is no call or no video yet. */
  VideoStats remoteVideoStats() {
    Object result = js().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "if (!document.getElementById('remote-video').muted) { done({error: 'mute remote media first'}); return; }"
            + "window.junctionChat.remoteVideoStats().then(done, (e) => done({error: String(e)}));");
    if (!(result instanceof Map<?, ?> map)) return new VideoStats(0, 0, 0);
    if (map.containsKey("error")) throw new IllegalStateException("remoteVideoStats: " + map.get("error"));
    return new VideoStats(number(map.get("framesDecoded")), number(map.get("frameWidth")), number(map.get("frameHeight")));
  }

  /** The candidate types of the pair the current call uses: {local, remote, state}; empty before one is chosen. */
  Map<String, String> selectedCandidatePair() {
    Object result = js().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "if (!document.getElementById('remote-video').muted) { done({error: 'mute remote media first'}); return; }"
            + "window.junctionChat.selectedCandidatePair().then((p) => done(p || {}), (e) => done({error: String(e)}));");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) result;
    if (map.containsKey("error")) throw new IllegalStateException("selectedCandidatePair: " + map.get("error"));
    return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  /** The perfect-negotiation counters of the current (or, after it ended, the last) call. */
  Map<String, Long> callStats() {
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) js().executeScript(
        "const c = window.junctionChat.call || window.junctionChat.lastCall; return c ? c.stats : null;");
    if (raw == null) return Map.of();
    return raw.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> number(e.getValue())));
  }

  /** The name of the peer of the current call, or null. */
  String callPeer() {
    return (String) js().executeScript("const c = window.junctionChat.call; return c ? c.peerName : null;");
  }

  /** connectionState of the last call's RTCPeerConnection ("closed" after hang-up). */
  String lastPeerConnectionState() {
    return (String) js().executeScript(
        "const c = window.junctionChat.lastCall; return c && c.pc ? c.pc.connectionState : null;");
  }

  /** Runs a script in the page, for what a person does but a driver cannot (timed clicks). */
  Object runScript(String script, Object... args) {
    return js().executeScript(script, args);
  }

  /** The page's own log, for failure messages. */
  String log() {
    return (String) js().executeScript("return window.__log.join('\\n');");
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
