package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.server.browser.SharePage.Progress;
import dev.junction.server.browser.SharePage.Transfer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The share app ({@code /share/<room>}) in two real Chromium browsers: text chat and files go
 * over RTCDataChannels between the browsers, files are checked with SHA-256 on arrival, and
 * either side can cancel a transfer. The files are written here and picked in the page's file
 * input, so their digest is computed independently of the browsers.
 */
class ShareBrowserTest {

  private static final int MEGABYTE = 1024 * 1024;
  private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  @TempDir Path files;

  @Test
  void chatAndATwentyMegabyteFileCrossTheDataChannelVerifiedBySha256WithFullProgressOnBothSides() throws Exception {
    Path file = randomFile("twenty.bin", 20 * MEGABYTE, 20);
    String sha256 = sha256(file);
    SharePage[] pages = connectedPair("direct");
    SharePage alice = pages[0];
    SharePage bob = pages[1];

    alice.sendChat("hello bob");
    await("bob reads alice's line").untilAsserted(() -> assertThat(bob.chatLines()).contains("Alice hello bob"));
    bob.sendChat("hi alice");
    await("alice reads bob's line").untilAsserted(() -> assertThat(alice.chatLines()).contains("Bob hi alice"));
    long relayedBefore = nativeMessagesRelayed();

    long started = System.nanoTime();
    alice.sendFile(file);
    await("bob has the file, verified").atMost(TRANSFER_TIMEOUT).untilAsserted(() -> {
      Transfer received = bob.latest();
      assertThat(received.direction()).isEqualTo("in");
      assertThat(received.error()).isNull();
      assertThat(received.state()).isEqualTo("done");
    });
    await("alice hears it was verified").untilAsserted(() -> assertThat(alice.latest().state()).isEqualTo("done"));
    System.out.printf("20 MB over the data channel in %d ms%n", (System.nanoTime() - started) / 1_000_000);

    Transfer received = bob.latest();
    assertThat(received.name()).isEqualTo("twenty.bin");
    assertThat(received.size()).isEqualTo(20L * MEGABYTE);
    assertThat(received.bytes()).isEqualTo(20L * MEGABYTE);
    assertThat(received.sha256()).as("the digest bob computed, against the file's").isEqualTo(sha256);
    assertThat(alice.latest().sha256()).isEqualTo(sha256);
    for (SharePage page : pages) {
      Progress bar = page.progress(page == alice ? "out" : "in");
      assertThat(bar.max()).isEqualTo(20.0 * MEGABYTE);
      assertThat(bar.value()).as("the progress bar is full").isEqualTo(bar.max());
    }
    assertThat(bob.offersDownload("twenty.bin")).isTrue();
    assertThat(nativeMessagesRelayed() - relayedBefore)
        .as("the server relayed no message while the file crossed: 20 MB went browser to browser").isZero();
    assertThat(alice.errors()).isEmpty();
    assertThat(bob.errors()).isEmpty();
  }

  @Test
  void theReceiverAndTheSenderCanEachCancelAFileMidwayAndTheNextFileStillArrives() throws Exception {
    Path big = randomFile("big.bin", 40 * MEGABYTE, 40);
    Path small = randomFile("small.bin", MEGABYTE, 1);
    SharePage[] pages = connectedPair("cancel");
    SharePage alice = pages[0];
    SharePage bob = pages[1];

    bob.cancelOnceUnderWay("in");
    alice.sendFile(big);
    await("bob cancelled, alice's side stopped").atMost(TRANSFER_TIMEOUT).untilAsserted(() -> {
      assertCancelled(bob.latest(), "you");
      assertCancelled(alice.latest(), "peer");
    });
    assertThat(alice.notices()).anySatisfy(n -> assertThat(n.text()).isEqualTo("Bob cancelled big.bin."));

    alice.cancelOnceUnderWay("out");
    alice.sendFile(big);
    await("alice cancelled, bob's side stopped").atMost(TRANSFER_TIMEOUT).untilAsserted(() -> {
      assertThat(alice.transfers()).hasSize(2);
      assertCancelled(alice.latest(), "you");
      assertThat(bob.transfers()).hasSize(2);
      assertCancelled(bob.latest(), "peer");
    });

    alice.sendFile(small);
    await("the next file arrives whole").atMost(TRANSFER_TIMEOUT).untilAsserted(() -> {
      assertThat(bob.transfers()).hasSize(3);
      assertThat(bob.latest().state()).isEqualTo("done");
      assertThat(bob.latest().sha256()).isEqualTo(sha256(small));
    });
    assertThat(alice.errors()).isEmpty();
    assertThat(bob.errors()).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------

  /** Alice and Bob on the link of {@code room}, their data channels open. */
  private SharePage[] connectedPair(String room) {
    SharePage alice = new SharePage(browsers.open("alice"), browsers.baseUrl()).open(room).join("Alice");
    SharePage bob = new SharePage(browsers.open("bob"), browsers.baseUrl()).open(room).join("Bob");
    await("both are connected browser to browser").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(alice.peer()).isEqualTo("connected");
      assertThat(bob.peer()).isEqualTo("connected");
    });
    return new SharePage[] {alice, bob};
  }

  private static void assertCancelled(Transfer transfer, String by) {
    assertThat(transfer.state()).isEqualTo("cancelled");
    assertThat(transfer.cancelledBy()).isEqualTo(by);
    assertThat(transfer.bytes()).as("cancelled midway").isLessThan(transfer.size());
  }

  /** {@code size} pseudo-random bytes from {@code seed}: the same file on every run. */
  private Path randomFile(String name, int size, long seed) throws IOException {
    Path file = files.resolve(name);
    Random random = new Random(seed);
    byte[] block = new byte[MEGABYTE];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < size; written += block.length) {
        random.nextBytes(block);
        out.write(block, 0, Math.min(block.length, size - written));
      }
    }
    return file;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private long nativeMessagesRelayed() throws Exception {
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browsers.baseUrl() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("junction_signaling_messages_relayed_total\\{dialect=\"native\"} (\\S+)").matcher(metrics);
    assertThat(m.find()).as("the native relay counter is exported").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
