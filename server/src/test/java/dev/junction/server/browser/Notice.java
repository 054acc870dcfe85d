package dev.junction.server.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * One notice a Junction app page shows the person ({@code /js/page.js}): kind "error" or
 * "info", its stable code ({@code data-code}) and its text.
 */
record Notice(String kind, String code, String text) {

  /** The notices visible in the page's {@code #notices}, oldest first. */
  static List<Notice> shownIn(WebDriver driver) {
    return driver.findElements(By.cssSelector("#notices .notice")).stream()
        .filter(WebElement::isDisplayed)
        .map(n -> new Notice(
            n.getDomAttribute("class").contains("error") ? "error" : "info",
            n.getDomAttribute("data-code"),
            n.findElement(By.tagName("p")).getText()))
        .toList();
  }

  /** The error notices among {@link #shownIn}. */
  static List<Notice> errorsIn(WebDriver driver) {
    return shownIn(driver).stream().filter(n -> n.kind().equals("error")).toList();
  }
}
