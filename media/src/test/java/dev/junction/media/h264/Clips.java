package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The clips in {@code src/test/resources/h264/}, made by {@code tools/make-demo-clip.sh}:
 *
 * <ul>
 *   <li>{@link #BASELINE}: 640x360, 25 fps, 4 s = 100 pictures, Constrained Baseline 3.1 (SPS
 *       42c01f), IDR every 50 frames with SPS and PPS before it, one slice per picture, no AUD.
 *   <li>{@link #HIGH}: 320x180, 25 fps, 2 s = 50 pictures, High 3.1 (64001f), B-frames,
 *       two slices per picture, an AUD before each, IDR every 25 frames.
 * </ul>
 */
final class Clips {

  static final String BASELINE = "/h264/baseline-640x360-25fps.h264";
  static final String HIGH = "/h264/high-bframes-320x180.h264";
  /** 90 kHz ticks per picture at 25 fps. */
  static final long TICKS_PER_FRAME = 90_000 / 25;

  private Clips() {}

  static Bytes bytes(String resource) {
    try (InputStream in = Clips.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource + ": run tools/make-demo-clip.sh");
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<NalUnit> nalUnits(String resource) {
    try {
      return AnnexB.split(bytes(resource));
    } catch (H264ParseException e) {
      throw new AssertionError(resource + " is not an Annex B stream", e);
    }
  }

  static List<AccessUnit> accessUnits(String resource) {
    return AccessUnitSplitter.split(nalUnits(resource));
  }
}
