package dev.junction.media.peer;

/**
 * Maps a shared stream's RTP timeline onto one viewer's: the viewer's own sequence numbers (one
 * per packet it is sent, so joining mid-stream leaves no gap) and timestamps.
 *
 * <p>Live packets keep the stream's spacing: {@code out = in + offset}. Packets replayed from the
 * GOP cache (on joining, or to answer a keyframe request) are a <em>burst</em>: their frames get
 * timestamps {@link #BURST_STEP} apart, so the receiver decodes and shows them at once instead of
 * scheduling them at their original spacing, which would put the viewer seconds behind live for
 * good (libwebrtc's jitter buffer renders by timestamp). After a burst the next live frame follows
 * {@link #GAP_AFTER_BURST} later, and the live offset is taken from there. Timestamps only ever
 * grow.
 *
 * <p>Not thread-safe: confined to the viewer's event loop.
 */
final class ViewerTimeline {

  /** Between frames of a burst: 1 ms at 90 kHz. */
  static final long BURST_STEP = 90;
  /** From the last frame of a burst to the next live one: about one frame at 30 fps. */
  static final long GAP_AFTER_BURST = 3000;

  private int nextSequence;
  private long lastOut;
  private boolean started;
  private long offset;
  private boolean offsetKnown;
  private long burstFrame;
  private boolean inBurstFrame;

  /**
   * @param firstSequence the viewer's first sequence number (random, RFC 3550 §5.1)
   * @param firstTimestamp its first timestamp (random, RFC 3550 §5.1)
   */
  ViewerTimeline(int firstSequence, long firstTimestamp) {
    this.nextSequence = firstSequence & 0xffff;
    this.lastOut = firstTimestamp;
  }

  /** The next sequence number, 16 bits. */
  int nextSequence() {
    int s = nextSequence;
    nextSequence = (nextSequence + 1) & 0xffff;
    return s;
  }

  /** The viewer's timestamp (unwrapped; the caller takes the low 32 bits) for a live packet. */
  long live(long streamTimestamp) {
    inBurstFrame = false;
    if (!offsetKnown) {
      offset = (started ? lastOut + GAP_AFTER_BURST : lastOut) - streamTimestamp;
      offsetKnown = true;
      started = true;
    }
    lastOut = streamTimestamp + offset;
    return lastOut;
  }

  /** The viewer's timestamp for a packet replayed from the cache; packets of one frame share it. */
  long burst(long streamTimestamp) {
    if (!inBurstFrame || streamTimestamp != burstFrame) {
      if (started) {
        lastOut += BURST_STEP;
      }
      started = true;
      burstFrame = streamTimestamp;
      inBurstFrame = true;
    }
    offsetKnown = false;
    return lastOut;
  }

  /** The timestamp of the last packet mapped, for sender reports. */
  long lastTimestamp() {
    return lastOut;
  }
}
