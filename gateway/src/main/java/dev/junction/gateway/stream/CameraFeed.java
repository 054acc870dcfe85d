package dev.junction.gateway.stream;

import dev.junction.gateway.camera.Camera;
import dev.junction.media.h264.H264Fmtp;
import dev.junction.media.h264.Sps;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One camera's live ingest: its clip played in real time into a {@link CameraStream} on one event
 * loop, whether anyone watches or not (so the GOP cache is always warm). Viewers attach and detach
 * from any thread; the work is handed to the feed's loop, where the stream is confined.
 */
public final class CameraFeed implements AutoCloseable {

  private final Camera camera;
  private final Sps sps;
  private final EventExecutor loop;
  private final CameraStream stream;
  private final ScheduledFuture<?> ticks;

  private CameraFeed(Camera camera, Clip clip, int framesPerSecond, EventExecutor loop, boolean gopCache) {
    this.camera = camera;
    this.sps = clip.sps();
    this.loop = loop;
    this.stream = new CameraStream(gopCache);
    ClipPlayer player = new ClipPlayer(clip, framesPerSecond, stream, nowMillis());
    // Twice per frame interval: a frame leaves at most half an interval late.
    long period = Math.max(1, 1000 / framesPerSecond / 2);
    this.ticks = loop.scheduleAtFixedRate(() -> player.tick(nowMillis()), 0, period, TimeUnit.MILLISECONDS);
  }

  /** Starts playing {@code clip} as {@code camera} on {@code loop}. */
  public static CameraFeed start(Camera camera, Clip clip, int framesPerSecond, EventExecutor loop, boolean gopCache) {
    if (framesPerSecond <= 0) {
      throw new IllegalArgumentException("framesPerSecond must be > 0, got " + framesPerSecond);
    }
    return new CameraFeed(camera, clip, framesPerSecond, loop, gopCache);
  }

  public Camera camera() {
    return camera;
  }

  /** The profile-level-id to offer: the stream's own, in the form browsers match (e.g. 42e01f). */
  public String profileLevelId() {
    return H264Fmtp.forStream(sps).profileLevelId().hex();
  }

  /** The picture size, from the SPS. */
  public int width() {
    return sps.width();
  }

  public int height() {
    return sps.height();
  }

  /** Adds a viewer: it gets the cached group of pictures at once, then every live frame. */
  public void attach(StreamViewer viewer) {
    loop.execute(() -> stream.attach(viewer));
  }

  public void detach(StreamViewer viewer) {
    loop.execute(() -> stream.detach(viewer));
  }

  /** Answers a viewer's PLI or FIR from the cache. */
  public void requestKeyframe(StreamViewer viewer) {
    loop.execute(() -> stream.requestKeyframe(viewer));
  }

  @Override
  public void close() {
    ticks.cancel(false);
  }

  private static long nowMillis() {
    return System.nanoTime() / 1_000_000;
  }
}
