package dev.junction.server.browser;

import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Real headless Chromium browsers against an in-process Junction server, one fresh server per
 * test. Register with {@code @RegisterExtension}.
 *
 * <p>Every browser gets its own temporary profile and the flags of TESTING.md's Chromium recipe;
 * browsers are always quit and profiles deleted after each test. When a test fails, each page's
 * {@code window.__log} and the browser console are printed first, while the pages are still
 * open. The browser and driver paths are fixed so that Selenium Manager never downloads anything.
 *
 * <p>Not thread-safe: one test at a time drives it (JUnit's default).
 */
final class BrowserHarness implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /** The recipe of TESTING.md; without the networking flags Chromium floods the closed network. */
  private static final List<String> FLAGS = List.of(
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--use-fake-device-for-media-stream");

  /**
   * Selenium looks for a CDP binding matching Chromium's version on every new driver and warns
   * when there is none; these tests use no CDP. Held here so the logger setting is not lost.
   */
  private static final Logger CDP_LOGGER = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    CDP_LOGGER.setLevel(Level.SEVERE);
  }

  private final List<Browser> browsers = new ArrayList<>();
  private JunctionServer server;

  /** One open browser: its name in logs, the driver, and the profile to delete. */
  record Browser(String label, ChromeDriver driver, ChromeDriverService service, Path profile) {}

  /** Camera permission of a new browser, through Chromium's fake permission UI. */
  enum Camera { ALLOW, DENY }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireChromium();
    server = startServer(0);
  }

  /**
   * A server on loopback only; port 0 picks a free one. The MDN :6503-style listener stays off.
   * {@code overrides} in {@code --set} syntax.
   */
  static JunctionServer startServer(int port, String... overrides) {
    List<String> settings = new ArrayList<>(List.of("http.port=" + port, "mdn.ownListener=false"));
    settings.addAll(List.of(overrides));
    return TestServers.start(settings.toArray(String[]::new));
  }

  /** Replaces the server of this test with one started with {@code overrides}. */
  void restartServerWith(String... overrides) {
    server.stop();
    server = startServer(0, overrides);
  }

  /** Fails (never skips) when the browser is missing: a skipped browser test proves nothing. */
  static void requireChromium() {
    for (String tool : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(tool))) {
        fail(tool + " is missing: install chromium and chromium-driver (./junction test does)");
      }
    }
  }

  /** {@code http://localhost:<port>}: localhost is a secure context, so getUserMedia works. */
  String baseUrl() {
    return "http://localhost:" + server.httpPort();
  }

  JunctionServer server() {
    return server;
  }

  /** Replaces the server, e.g. after a test stopped it. */
  void server(JunctionServer replacement) {
    server = replacement;
  }

  /** A new Chromium with fake camera and microphone. */
  ChromeDriver open(String label) {
    return open(label, Camera.ALLOW);
  }

  ChromeDriver open(String label, Camera camera) {
    Path profile;
    try {
      profile = Files.createTempDirectory("junction-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(FLAGS);
    // The fake permission UI answers getUserMedia prompts without a person: allow or deny.
    options.addArguments(camera == Camera.ALLOW
        ? "--use-fake-ui-for-media-stream" : "--use-fake-ui-for-media-stream=deny");
    options.addArguments("--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      browsers.add(new Browser(label, driver, service, profile));
      return driver;
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
  }

  /**
   * Runs {@code body} in the page of {@code driver} as an async function with the ES module at
   * {@code modulePath} bound to {@code J}, and returns its result; a rejection fails the test
   * with the script's stack.
   */
  static Object runWithModule(WebDriver driver, String modulePath, String body) {
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import(arguments[0]).then(async (J) => { " + body + " })"
            + ".then((r) => done({ok: r}), (e) => done({error: String(e && e.stack || e)}));", modulePath);
    Map<?, ?> outcome = (Map<?, ?>) result;
    if (outcome.containsKey("error")) {
      throw new AssertionError("script failed: " + outcome.get("error"));
    }
    return outcome.get("ok");
  }

  /** Quits one browser early (a person closing the window); the rest stay open. */
  void quit(ChromeDriver driver) {
    browsers.removeIf(b -> {
      if (b.driver() != driver) return false;
      close(b);
      return true;
    });
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) return;
    for (Browser b : browsers) {
      System.out.println("===== " + b.label() + ": window.__log =====");
      try {
        Object log = ((JavascriptExecutor) b.driver()).executeScript(
            "return (window.__log || []).join('\\n')");
        System.out.println(log);
      } catch (RuntimeException e) {
        System.out.println("(no page log: " + e.getMessage() + ")");
      }
      System.out.println("===== " + b.label() + ": browser console =====");
      try {
        for (LogEntry entry : b.driver().manage().logs().get(LogType.BROWSER)) {
          System.out.println(entry);
        }
      } catch (RuntimeException e) {
        System.out.println("(no console log: " + e.getMessage() + ")");
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    browsers.forEach(BrowserHarness::close);
    browsers.clear();
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private static void close(Browser b) {
    try {
      b.driver().quit();
    } catch (RuntimeException e) {
      System.out.println("quitting " + b.label() + " failed: " + e.getMessage());
    } finally {
      b.service().stop();
      deleteTree(b.profile());
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
