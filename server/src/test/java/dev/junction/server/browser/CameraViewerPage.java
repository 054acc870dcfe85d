package dev.junction.server.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The camera viewer ({@code /camera/}) and the XProtect sample reproduction
 * ({@code /camera/xprotect-sample.html}) as a person uses them: fields, buttons, the state pill
 * and the notices; and what the pages expose for tests ({@code window.__viewer},
 * {@code window.__calls}). Both pages share the ids used here (see the comments atop the pages).
 */
final class CameraViewerPage {

  static final String VIEWER = "/camera/";
  static final String SAMPLE = "/camera/xprotect-sample.html";

  private final WebDriver driver;
  private final String baseUrl;

  CameraViewerPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Opens {@code page} ({@link #VIEWER} or {@link #SAMPLE}) with {@code query} and waits until its script runs. */
  CameraViewerPage open(String page, String query) {
    driver.get(baseUrl + page + (query.isEmpty() ? "" : "?" + query));
    await().alias(page + " ran its script (all its modules loaded)")
        .atMost(Duration.ofSeconds(10))
        .until(() -> log().contains(page.equals(SAMPLE) ? "XProtect sample page ready" : "camera viewer ready"));
    return this;
  }

  String field(String id) {
    return driver.findElement(By.id(id)).getDomProperty("value");
  }

  void type(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  boolean enabled(String id) {
    return driver.findElement(By.id(id)).isEnabled();
  }

  /** body[data-state]: idle, starting, connecting, live, reconnecting or failed. */
  String state() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-state");
  }

  /** The state pill's text, e.g. "Live". */
  String stateText() {
    return driver.findElement(By.id("state")).getText();
  }

  /** Notices the person can see. */
  List<Notice> notices() {
    return Notice.shownIn(driver);
  }

  List<Notice> errors() {
    return Notice.errorsIn(driver);
  }

  /** A copy of {@code window.__viewer}: state, sessionId, framesDecoded, frameWidth, frameHeight, ... */
  Map<String, Object> viewer() {
    @SuppressWarnings("unchecked")
    Map<String, Object> snapshot = (Map<String, Object>) js().executeScript("return window.__viewer;");
    return snapshot;
  }

  /** {@code window.__calls} of the sample page: every HTTP call with its kind, times and status. */
  List<Map<String, Object>> calls() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> calls = (List<Map<String, Object>>) js().executeScript("return window.__calls;");
    return calls;
  }

  /**
   * {@code window.__callPattern()} of the sample page: the answer call, how many candidate POSTs
   * and GETs started before the answer PATCH finished, and the pauses between polls.
   */
  Map<String, Object> callPattern() {
    @SuppressWarnings("unchecked")
    Map<String, Object> pattern = (Map<String, Object>) js().executeScript("return window.__callPattern();");
    return pattern;
  }

  /** The address bar's URL. */
  String location() {
    return (String) js().executeScript("return location.href;");
  }

  /**
   * Browser console errors since the last call, without Chromium's lines for HTTP error
   * statuses (those are the answers the tests provoke; the page shows them as notices).
   */
  List<String> scriptErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  /** The page's own log, for failure messages. */
  String log() {
    return (String) js().executeScript("return (window.__log || []).join('\\n');");
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }
}
