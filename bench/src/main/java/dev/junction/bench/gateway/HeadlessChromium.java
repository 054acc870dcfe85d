package dev.junction.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver with a fresh profile: the flags of the
 * project's Chromium recipe (shared/TESTING.md; without the networking ones it floods the closed
 * network). The paths are fixed so that Selenium never tries to download a browser or driver.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final List<String> FLAGS = List.of(
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--autoplay-policy=no-user-gesture-required");

  /**
   * Selenium looks for CDP bindings matching Chromium's version and warns when there are none; no
   * CDP is used here. Held so that the logger's level is not lost.
   */
  private static final Logger CDP_LOGGER = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_LOGGER.setLevel(Level.SEVERE);
  }

  private final Path profile;
  private final ChromeDriverService service;
  final ChromeDriver driver;

  HeadlessChromium() throws IOException {
    for (String tool : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new IOException(tool + " is missing: apt-get install -y chromium chromium-driver");
      }
    }
    profile = Files.createTempDirectory("junction-bench-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(FLAGS)
        .addArguments("--user-data-dir=" + profile);
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
