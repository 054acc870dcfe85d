package dev.junction.media.srtp;

/**
 * The 48-bit SRTP packet index, i = 2^16 * ROC + SEQ (RFC 3711 §3.3.1), estimated from a 16-bit
 * sequence number and the highest index of the stream so far, as in RFC 3711 Appendix A:
 *
 * <pre>
 *   if (s_l &lt; 2^15)
 *     if (SEQ - s_l &gt; 2^15)
 *       v = ROC - 1
 *     else
 *       v = ROC
 *   else
 *     if (s_l - 2^15 &gt; SEQ)
 *       v = ROC + 1
 *     else
 *       v = ROC
 *   return SEQ + v * 2^16
 * </pre>
 *
 * <p>Appendix A's update rule ("if v = ROC+1 then ROC = v and s_l = SEQ; if v = ROC and SEQ &gt;
 * s_l then s_l = SEQ") is the same as keeping the highest index, which {@link ReplayWindow} does;
 * so a stream's whole ROC state is its window's highest index.
 */
final class PacketIndex {

  /** One past the largest index: the ROC is 32 bits, the index 48. */
  static final long LIMIT = 1L << 48;

  /** Returned by {@link #estimate} for a sequence number from before ROC 0, the stream's start. */
  static final long BEFORE_START = -1;

  private static final int HALF = 1 << 15;

  private PacketIndex() {}

  /**
   * The index of sequence number {@code seq} (0..65535) in a stream whose highest index so far is
   * {@code highest}, or -1 for none yet. A stream starts at ROC 0 with its first sequence number
   * (§3.3.1: "At the setup of the session, the ROC MUST be set to zero. ... the receiver SHALL
   * initialize s_l to the RTP sequence number (SEQ) of the first observed SRTP packet").
   *
   * @return the index, or {@link #BEFORE_START} when it would need a ROC below zero
   */
  static long estimate(long highest, int seq) {
    if (highest < 0) {
      return seq;
    }
    long roc = highest >>> 16;
    int sl = (int) (highest & 0xffff);
    long v;
    if (sl < HALF) {
      v = seq - sl > HALF ? roc - 1 : roc;
    } else {
      v = sl - HALF > seq ? roc + 1 : roc;
    }
    return v < 0 ? BEFORE_START : (v << 16) | seq;
  }

  /** The rollover counter of an index. */
  static long rolloverCounter(long index) {
    return index >>> 16;
  }
}
