package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser against mutated captures: whatever the text, the only exception is
 * {@link SdpParseException}, and whatever parses writes back to text that parses to the same
 * description. Seeded, so a failure names an input that can be replayed
 * ({@code -Dsdp.fuzz.seed=...}).
 */
class SdpFuzzTest {

  private static final int ITERATIONS = Integer.getInteger("sdp.fuzz.iterations", 10_000);
  private static final long SEED = Long.getLong("sdp.fuzz.seed", 0x5D9L);
  private static final java.util.regex.Pattern CRLF = java.util.regex.Pattern.compile("\r\n");
  private static final String[] NASTY = {
    "", " ", ":", "=", "0", "-1", "4294967296", "99999999999999999999", "a=", "m=", "\r", "\0", "\t", "/", "*",
    "typ", "candidate:", "sha-256", "ÿ", "😀", "a=candidate:1 1 udp 1 x 1 typ host", "m=video 0 RTP/AVP 0",
  };

  @Test
  void onlySdpParseExceptionEscapesAndWhatParsesRoundTrips() {
    Random random = new Random(SEED);
    List<String> corpus = Fixtures.ALL.stream().map(Fixtures::text).toList();
    int parsed = 0;
    int refused = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      String input = mutate(random, corpus.get(random.nextInt(corpus.size())));
      SessionDescription sdp;
      try {
        sdp = SessionDescription.parse(input);
      } catch (SdpParseException expected) {
        refused++;
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("iteration " + i + " (seed " + SEED + ") escaped the parser: " + quote(input), e);
      }
      parsed++;
      try {
        if (!SessionDescription.parse(sdp.toString()).equals(sdp)) {
          throw new AssertionError("written back, it parses to something else");
        }
      } catch (SdpParseException | RuntimeException | AssertionError e) {
        throw new AssertionError("iteration " + i + " parsed but did not round-trip: " + quote(input), e);
      }
    }
    assertThat(parsed).as("mutations that still parse").isGreaterThan(ITERATIONS / 10);
    assertThat(refused).as("mutations that break a rule").isGreaterThan(ITERATIONS / 10);
  }

  private static String mutate(Random random, String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(CRLF.split(text, -1)));
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n && !lines.isEmpty(); k++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, line);
        case 2 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
        case 3 -> lines.set(at, line.isEmpty() ? line
            : replaceChar(line, random.nextInt(line.length()), (char) random.nextInt(0x80)));
        case 4 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 5 -> lines.set(at, replaceField(random, line, NASTY[random.nextInt(NASTY.length)]));
        case 6 -> lines.set(at, line + " " + NASTY[random.nextInt(NASTY.length)]);
        default -> lines.add(at, NASTY[random.nextInt(NASTY.length)]);
      }
    }
    return String.join(random.nextBoolean() ? "\r\n" : "\n", lines);
  }

  private static String replaceChar(String s, int i, char c) {
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  private static String replaceField(Random random, String line, String with) {
    String[] fields = line.split(" ", -1);
    fields[random.nextInt(fields.length)] = with;
    return String.join(" ", fields);
  }

  private static String quote(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n\n").replace("\0", "\\0");
  }
}
