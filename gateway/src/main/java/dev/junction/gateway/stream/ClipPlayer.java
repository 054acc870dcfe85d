package dev.junction.gateway.stream;

import dev.junction.media.h264.AccessUnit;
import java.util.List;

/**
 * Plays a {@link Clip} in real time, looped, into a {@link CameraStream}: on each {@link #tick}
 * it publishes every access unit due by then. Timestamps run on without a jump across the loop
 * point, as a live camera's would. Confined to the stream's event loop; the clock is the
 * caller's, so tests need no sleeps.
 */
public final class ClipPlayer {

  private static final long RTP_CLOCK = 90_000;

  private final List<AccessUnit> units;
  private final int framesPerSecond;
  private final CameraStream stream;
  private final long startMillis;
  private long published;

  public ClipPlayer(Clip clip, int framesPerSecond, CameraStream stream, long startMillis) {
    if (framesPerSecond <= 0) {
      throw new IllegalArgumentException("framesPerSecond must be > 0, got " + framesPerSecond);
    }
    this.units = clip.accessUnits();
    this.framesPerSecond = framesPerSecond;
    this.stream = stream;
    this.startMillis = startMillis;
  }

  /** Publishes the frames due at {@code nowMillis}; returns how many. */
  public int tick(long nowMillis) {
    long due = (nowMillis - startMillis) * framesPerSecond / 1000 + 1;
    int count = 0;
    while (published < due) {
      AccessUnit unit = units.get((int) (published % units.size()));
      stream.publish(unit, published * RTP_CLOCK / framesPerSecond);
      published++;
      count++;
    }
    return count;
  }

  /** Frames published so far. */
  public long published() {
    return published;
  }
}
