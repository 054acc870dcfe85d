package dev.junction.server.browser;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The share page ({@code /share/<room>}) as a person uses it: open the link, join, chat, pick
 * a file and send it, cancel. Reads what the page shows, and the transfers from the page's
 * read-only {@code window.junctionShare} handle.
 */
final class SharePage {

  /** One file in the page's list, as {@code window.junctionShare.snapshot()} reports it. */
  record Transfer(String direction, String name, long size, long bytes, String state, String sha256, String error,
      String cancelledBy) {}

  /** A transfer's progress bar as shown. */
  record Progress(double value, double max) {}

  private final WebDriver driver;
  private final String baseUrl;

  SharePage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  SharePage open(String room) {
    driver.get(baseUrl + "/share/" + room);
    return this;
  }

  /** Types {@code name}, presses Join and waits until the page is in the room. */
  SharePage join(String name) {
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("join")).click();
    await("the page of " + name + " joined").atMost(Duration.ofSeconds(15)).until(() -> "joined".equals(phase()));
    return this;
  }

  String phase() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-phase");
  }

  /** waiting, connecting, connected or reconnecting. */
  String peer() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-peer");
  }

  void sendChat(String text) {
    driver.findElement(By.id("chat-text")).sendKeys(text, Keys.ENTER);
  }

  /** Chat lines as shown, e.g. "Alice hello". */
  List<String> chatLines() {
    return driver.findElements(By.cssSelector("#chat-log li")).stream().map(WebElement::getText).toList();
  }

  /** Picks {@code file} in the file input, as a person choosing it in the dialog, and presses Send. */
  void sendFile(Path file) {
    driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.id("send-file")).click();
  }

  /** The files of the page's list, oldest first. */
  List<Transfer> transfers() {
    Map<?, ?> snapshot = (Map<?, ?>) js().executeScript("return window.junctionShare.snapshot()");
    return ((List<?>) snapshot.get("transfers")).stream().map(o -> (Map<?, ?>) o).map(t -> new Transfer(
        (String) t.get("direction"), (String) t.get("name"), RoomPage.number(t.get("size")),
        RoomPage.number(t.get("bytes")), (String) t.get("state"), (String) t.get("sha256"), (String) t.get("error"),
        (String) t.get("cancelledBy"))).toList();
  }

  /** The newest transfer; fails when there is none. */
  Transfer latest() {
    List<Transfer> all = transfers();
    if (all.isEmpty()) throw new AssertionError("no transfer in the list");
    return all.get(all.size() - 1);
  }

  /** The progress bar of the newest transfer in {@code direction} ("out" or "in"). */
  Progress progress(String direction) {
    WebElement bar = driver.findElement(By.cssSelector("#transfers li.transfer[data-direction='" + direction + "'] progress"));
    return new Progress(Double.parseDouble(bar.getDomProperty("value")), Double.parseDouble(bar.getDomProperty("max")));
  }

  /** Whether the newest received file offers a download named {@code name}. */
  boolean offersDownload(String name) {
    return !driver.findElements(By.cssSelector("#transfers li.transfer[data-direction='in'] a.download[download='"
        + name + "']")).isEmpty();
  }

  /**
   * Clicks Cancel on the newest transfer in {@code direction} as soon as its progress bar has
   * moved and before it completes: a person watching the bar, at machine speed.
   */
  void cancelOnceUnderWay(String direction) {
    js().executeScript("""
        const direction = arguments[0];
        const timer = setInterval(() => {
          const row = document.querySelector(`#transfers li.transfer[data-direction="${direction}"]`);
          if (!row || !['sending', 'receiving'].includes(row.dataset.state)) return;
          if (row.querySelector('progress').value > 0) {
            clearInterval(timer);
            row.querySelector('button.cancel').click();
          }
        }, 2);
        """, direction);
  }

  List<Notice> notices() {
    return Notice.shownIn(driver);
  }

  List<Notice> errors() {
    return Notice.errorsIn(driver);
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }
}
