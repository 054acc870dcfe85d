package dev.junction.media.rtp;

/**
 * Arithmetic on 32-bit RTP timestamps, which wrap from 2^32-1 to 0 (RFC 3550 §5.1): at 90 kHz
 * that is every 13.25 hours, so a long-lived camera stream always wraps.
 */
public final class Timestamps {

  private Timestamps() {}

  /** The signed ticks from {@code from} to {@code to} the short way round, in [-2^31, 2^31). */
  public static long distance(long from, long to) {
    return (int) (to - from);
  }

  /** True if {@code candidate} comes after {@code reference}. */
  public static boolean isNewer(long candidate, long reference) {
    return distance(reference, candidate) > 0;
  }

  /** {@code timestamp + delta} modulo 2^32. */
  public static long add(long timestamp, long delta) {
    return (timestamp + delta) & Unsigned.MAX_U32;
  }
}
