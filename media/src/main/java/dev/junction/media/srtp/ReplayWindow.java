package dev.junction.media.srtp;

import java.util.Arrays;

/**
 * The replay list of one stream (RFC 3711 §3.3.2): the highest index accepted so far and a bitmap
 * of which of the {@value #SIZE} indices at or below it were seen. An index above the highest is
 * new; one at most {@value #SIZE}-1 below it is new unless its bit is set; anything older is
 * refused, because it can no longer be told from a replay.
 *
 * <p>{@value #SIZE} entries ("SRTP-WINDOW-SIZE ... MUST be at least 64, but ... MAY be set to a
 * higher value"): libwebrtc and Firefox configure libsrtp
 * with {@code window_size = 1024} (as a video keyframe is a burst of a hundred packets or more,
 * reordering of more than 64 happens), and a sender refusing its own index reuse needs the same
 * tolerance for the reordered packets it forwards. It costs 128 bytes per stream.
 *
 * <p>{@link #check} and {@link #accept} are separate so that a receiver updates the list only
 * after the packet authenticated: "After the packet has been authenticated (if necessary the
 * window is first moved ahead), the replay list SHALL be updated with the new index." Not
 * thread-safe; owned by its context.
 */
final class ReplayWindow {

  /** Indices tracked below the highest one, a power of two and a multiple of 64. */
  static final int SIZE = 1024;

  private static final int MASK = SIZE - 1;

  private final long[] seen = new long[SIZE / Long.SIZE];
  private long highest = -1;

  /** The highest index accepted, or -1 before the first. */
  long highest() {
    return highest;
  }

  /**
   * Whether {@code index} may be accepted: {@code null} if it is new, otherwise the reason it is
   * not.
   */
  SrtpException.Reason check(long index) {
    if (index > highest) {
      return null;
    }
    if (highest - index >= SIZE) {
      return SrtpException.Reason.TOO_OLD;
    }
    return isSet(index) ? SrtpException.Reason.REPLAYED : null;
  }

  /** Records {@code index} as seen, sliding the window forward if it is the new highest. */
  void accept(long index) {
    if (index > highest) {
      if (highest < 0 || index - highest >= SIZE) {
        Arrays.fill(seen, 0L);
      } else {
        for (long i = highest + 1; i < index; i++) {
          clear(i); // indices skipped over enter the window unseen
        }
      }
      highest = index;
    }
    int bit = (int) (index & MASK);
    seen[bit >>> 6] |= 1L << bit;
  }

  private boolean isSet(long index) {
    int bit = (int) (index & MASK);
    return (seen[bit >>> 6] & (1L << bit)) != 0;
  }

  private void clear(long index) {
    int bit = (int) (index & MASK);
    seen[bit >>> 6] &= ~(1L << bit);
  }
}
