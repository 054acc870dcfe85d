package dev.junction.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers that wrap from 65535 to 0 (RFC 3550 §5.1, serial
 * number arithmetic as in RFC 1982). Two numbers compare by the shorter way round the circle, so
 * 2 is newer than 65534. Numbers exactly 32768 apart have no defined order; {@link #distance}
 * then says -32768.
 */
public final class SequenceNumbers {

  /** The number of distinct sequence numbers. */
  public static final int MODULUS = 1 << 16;

  private SequenceNumbers() {}

  /** The signed steps from {@code from} to {@code to} the short way round, in [-32768, 32767]. */
  public static int distance(int from, int to) {
    return (short) (to - from);
  }

  /** True if {@code candidate} comes after {@code reference}: {@code distance(reference, candidate) > 0}. */
  public static boolean isNewer(int candidate, int reference) {
    return distance(reference, candidate) > 0;
  }

  /**
   * Orders two sequence numbers by wrap-aware distance: negative if {@code a} comes before
   * {@code b}. Not a total order over all 65536 values; sort only numbers within half a cycle.
   */
  public static int compare(int a, int b) {
    return Integer.signum(distance(b, a));
  }

  /** {@code sequenceNumber + delta} modulo 65536. */
  public static int add(int sequenceNumber, int delta) {
    return (sequenceNumber + delta) & 0xFFFF;
  }

  /** The number after {@code sequenceNumber}, 0 after 65535. */
  public static int next(int sequenceNumber) {
    return add(sequenceNumber, 1);
  }
}
