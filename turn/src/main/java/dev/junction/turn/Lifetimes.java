package dev.junction.turn;

/** The lifetimes RFC 8656 fixes, in milliseconds. */
public final class Lifetimes {

  /** §7.2: an allocation lasts 600 s unless the client asks for more. */
  public static final long DEFAULT_ALLOCATION_MILLIS = 600_000;
  /** §9: a permission lasts 300 s from its last refresh. */
  public static final long PERMISSION_MILLIS = 300_000;
  /** §12: a channel binding lasts 600 s from its last refresh. */
  public static final long CHANNEL_MILLIS = 600_000;
  /** §12: after a binding expires, neither its number nor its peer may be rebound elsewhere for 300 s. */
  public static final long CHANNEL_REBIND_HOLD_MILLIS = 300_000;
  /** RFC 8489 §6.3.1: a server answers a retransmission with the same response for 40 s. */
  public static final long TRANSACTION_MEMORY_MILLIS = 40_000;

  private Lifetimes() {}

  /**
   * The lifetime of an allocation whose client asked for {@code requestedSeconds} (negative: did
   * not ask): at most the server's maximum, and never below the default (§7.2 and §8).
   */
  public static long allocationMillis(long requestedSeconds, long maxSeconds) {
    if (requestedSeconds < 0) {
      return DEFAULT_ALLOCATION_MILLIS;
    }
    return Math.max(DEFAULT_ALLOCATION_MILLIS, Math.min(requestedSeconds, maxSeconds) * 1000);
  }
}
