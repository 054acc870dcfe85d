package dev.junction.server.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The room-call page ({@code /room/<room>}) as a person uses it: open the link, type a name,
 * join, mute, leave. Reads what the page shows, and call internals from the page's read-only
 * {@code window.junctionRoom} handle.
 */
final class RoomPage {

  /** What getStats() says about the video received from one person. */
  record RemoteVideo(String identity, long framesDecoded, long frameWidth, long frameHeight) {}

  private final WebDriver driver;
  private final String baseUrl;

  RoomPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Opens the link of {@code room}. */
  RoomPage open(String room) {
    driver.get(baseUrl + "/room/" + room);
    return this;
  }

  /** Types {@code name}, presses Join and waits until the page is in the call. */
  RoomPage join(String name) {
    typeNameAndJoin(name);
    await("the page of " + name + " is in the call").atMost(Duration.ofSeconds(15))
        .until(() -> "in-call".equals(phase()));
    return this;
  }

  void typeNameAndJoin(String name) {
    WebElement input = driver.findElement(By.id("name"));
    input.clear();
    input.sendKeys(name);
    driver.findElement(By.id("join")).click();
  }

  /** start, ready, joining, in-call or left. */
  String phase() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-phase");
  }

  /** The names on the other people's tiles, in grid order. */
  List<String> remoteTileNames() {
    return driver.findElements(By.cssSelector("#grid figure.tile:not(.local) .tile-name")).stream()
        .map(WebElement::getText).toList();
  }

  /** What the tile of the person named {@code name} says under the name ("Muted · Camera off"…). */
  String badgesOf(String name) {
    return driver.findElements(By.cssSelector("#grid figure.tile")).stream()
        .filter(tile -> tile.findElement(By.className("tile-name")).getText().equals(name))
        .map(tile -> tile.findElement(By.className("tile-badges")).getText())
        .findFirst().orElseThrow(() -> new AssertionError("no tile of " + name));
  }

  /** The "In this room" list as shown. */
  List<String> people() {
    return driver.findElements(By.cssSelector("#people li")).stream().map(WebElement::getText).toList();
  }

  boolean enabled(String id) {
    return driver.findElement(By.id(id)).isEnabled();
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  List<Notice> notices() {
    return Notice.shownIn(driver);
  }

  List<Notice> errors() {
    return Notice.errorsIn(driver);
  }

  /** Mutes every remote video: needed before getStats() (TESTING.md). */
  void silence() {
    js().executeScript("window.junctionRoom.silence()");
  }

  /** Received video per peer connection. */
  List<RemoteVideo> remoteVideos() {
    List<?> list = (List<?>) js().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "window.junctionRoom.remoteVideoStats().then(done, (e) => done([{error: String(e)}]));");
    return list.stream().map(o -> (Map<?, ?>) o).map(m -> {
      if (m.containsKey("error")) throw new IllegalStateException("remoteVideoStats: " + m.get("error"));
      return new RemoteVideo((String) m.get("identity"), number(m.get("framesDecoded")), number(m.get("frameWidth")),
          number(m.get("frameHeight")));
    }).toList();
  }

  /** {@code window.junctionRoom.snapshot()}: phase, connection, identity, room, members, stats. */
  Map<?, ?> snapshot() {
    return (Map<?, ?>) js().executeScript("return window.junctionRoom.snapshot()");
  }

  /** Runs a script in the page (the library through {@code window.junctionRoom}). */
  Object runScript(String script, Object... args) {
    return js().executeScript(script, args);
  }

  Object runAsyncScript(String script, Object... args) {
    return js().executeAsyncScript(script, args);
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
