package dev.junction.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.bench.Args;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Time to first frame in a real browser: headless Chromium opens the gateway's own origin and,
 * run after run, starts a viewer of one camera with the XProtect flow (first-frame.js); each run
 * times, with {@code performance.now()} in the page, the answer PATCH to the first frame the
 * {@code <video>} presents. A pause of up to one keyframe interval comes before each run, so that
 * runs start at points spread over the interval: without a GOP cache a run ends just after a
 * keyframe, and back-to-back runs would all start at the same point of the next interval. The
 * pauses follow the golden-ratio sequence (from a seeded start), which spreads even ten runs
 * evenly over the interval where random pauses can bunch up.
 *
 * <pre>
 * java -cp bench/target/junction-bench.jar dev.junction.bench.gateway.FirstFrame \
 *     --origin http://127.0.0.1:PORT --camera ID --password PW [--user demo] [--runs 10] \
 *     [--warmup 1] [--keyframe-seconds 2] [--timeout-ms 20000] [--seed 1] [--label NAME]
 * </pre>
 *
 * Prints every run, then a {@code RESULT key=value ...} line: median and p90 (nearest rank) of
 * PATCH to first frame, and the medians of its parts.
 */
public final class FirstFrame {

  private static final Set<String> OPTIONS = Set.of("origin", "camera", "user", "password", "runs", "warmup",
      "keyframe-seconds", "timeout-ms", "seed", "label");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** (sqrt 5 - 1) / 2: each step lands in the largest gap the previous ones left (Weyl sequence). */
  private static final double GOLDEN_RATIO_FRACTION = 0.6180339887498949;

  /** One run's marks in ms after the PATCH was sent; NaN where the page saw none. */
  record Run(double firstFrame, double answered, double ice, double dtls, int width, int height, long decoded) {
    static Run parse(JsonNode json) {
      return new Run(ms(json, "firstFrame"), ms(json, "answered"), ms(json, "ice"), ms(json, "dtls"),
          json.path("width").asInt(), json.path("height").asInt(), json.path("decoded").asLong());
    }

    private static double ms(JsonNode json, String field) {
      JsonNode value = json.get(field);
      return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }
  }

  private FirstFrame() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv, OPTIONS);
    String origin = args.required("origin");
    String camera = args.required("camera");
    int runs = args.integer("runs", 10);
    int warmup = args.integer("warmup", 1);
    double keyframeSeconds = args.decimal("keyframe-seconds", 2);
    int timeoutMs = args.integer("timeout-ms", 20_000);
    String label = args.string("label", "ttff");
    if (runs < 1 || runs > 1000 || warmup < 0 || warmup > 10 || keyframeSeconds < 0 || keyframeSeconds > 60) {
      throw new IllegalArgumentException("--runs 1..1000, --warmup 0..10, --keyframe-seconds 0..60");
    }
    XProtectClient api = new XProtectClient(origin + "/api");
    api.login(args.string("user", "demo"), args.required("password"));
    String script = resource("first-frame.js");
    double phase = new Random(args.integer("seed", 1)).nextDouble();

    List<Run> measured = new ArrayList<>();
    int failures = 0;
    try (HeadlessChromium chromium = new HeadlessChromium()) {
      chromium.driver.manage().timeouts().scriptTimeout(Duration.ofMillis(timeoutMs + 15_000L));
      chromium.driver.get(origin + "/");
      for (int i = -warmup; i < runs; i++) {
        phase = (phase + GOLDEN_RATIO_FRACTION) % 1;
        Thread.sleep((long) (phase * keyframeSeconds * 1000)); // pacing to a point of the GOP, not a wait for state
        JsonNode result = JSON.readTree((String) chromium.driver.executeAsyncScript(script, camera, api.token(),
            timeoutMs));
        String name = i < 0 ? "warmup" : "run " + (i + 1);
        if (result.has("error")) {
          System.out.printf(Locale.ROOT, "[%s] %s: failed: %s%n", label, name, result.get("error").asText());
          failures += i < 0 ? 0 : 1;
          continue;
        }
        Run run = Run.parse(result);
        System.out.printf(Locale.ROOT, "[%s] %s: first frame %.0f ms after the PATCH (answered %.0f, ICE %.0f,"
                + " DTLS %.0f ms), %dx%d, %d frames decoded by then%n", label, name, run.firstFrame(), run.answered(),
            run.ice(), run.dtls(), run.width(), run.height(), run.decoded());
        if (i >= 0) {
          measured.add(run);
        }
      }
    }
    if (measured.isEmpty()) {
      System.out.printf(Locale.ROOT, "RESULT label=%s ok=false runs=0 failures=%d%n", label, failures);
      return;
    }
    Quantiles frame = quantiles(measured, Run::firstFrame);
    System.out.printf(Locale.ROOT, "[%s] PATCH to first frame over %d runs: median %.0f ms, p90 %.0f ms,"
            + " min %.0f, max %.0f; medians of PATCH to answered %.0f, to ICE connected %.0f, to DTLS connected %.0f ms%n",
        label, frame.count(), frame.median(), frame.at(0.9), frame.min(), frame.max(),
        median(measured, Run::answered), median(measured, Run::ice), median(measured, Run::dtls));
    System.out.printf(Locale.ROOT, "RESULT label=%s ok=true runs=%d failures=%d median_ms=%.1f p90_ms=%.1f min_ms=%.1f"
            + " max_ms=%.1f answered_median_ms=%.1f ice_median_ms=%.1f dtls_median_ms=%.1f width=%d height=%d%n",
        label, frame.count(), failures, frame.median(), frame.at(0.9), frame.min(), frame.max(),
        median(measured, Run::answered), median(measured, Run::ice), median(measured, Run::dtls),
        measured.get(0).width(), measured.get(0).height());
  }

  private static Quantiles quantiles(List<Run> runs, ToDoubleFunction<Run> mark) {
    return new Quantiles(runs.stream().mapToDouble(mark).filter(v -> !Double.isNaN(v)).toArray());
  }

  /** The median of a mark over the runs that have it; NaN when none has. */
  private static double median(List<Run> runs, ToDoubleFunction<Run> mark) {
    double[] values = runs.stream().mapToDouble(mark).filter(v -> !Double.isNaN(v)).toArray();
    return values.length == 0 ? Double.NaN : new Quantiles(values).median();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = FirstFrame.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
