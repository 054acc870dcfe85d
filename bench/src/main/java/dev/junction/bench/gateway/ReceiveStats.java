package dev.junction.bench.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one viewer received on its video stream, judged by sequence numbers: the gateway numbers
 * a viewer's packets itself, one by one, so every hole in the sequence is a packet lost on the way
 * (RFC 3550 Appendix A.1: sequence numbers extended across wrap-around). Holes are remembered so
 * that a NACK can name them and a retransmission (RTX, RFC 4588: original sequence number in the
 * payload) or a late arrival can fill them.
 *
 * <p>Also the delay of each packet against its RTP timestamp, above the best the viewer has seen
 * since {@link #resetDelayBaseline}: a sender that falls behind shows it here long before its
 * queues overflow.
 *
 * <p>Not thread-safe: confined to the viewer's event loop.
 */
final class ReceiveStats {

  /** Holes remembered for recovery; a viewer losing more than this is broken anyway. */
  static final int MAX_MISSING = 4096;
  private static final long RTP_CLOCK = 90_000;

  long packets;
  long bytes;
  long lost;
  long recovered;
  long duplicates;
  long retransmissions;

  private long highest = -1; // extended sequence number
  private final Set<Long> missing = new HashSet<>();
  private final List<Integer> toNack = new ArrayList<>();
  private long lastTimestamp = -1; // extended RTP timestamp
  private long delayBaseline = Long.MAX_VALUE;

  /**
   * Counts one packet of the video stream.
   *
   * @param datagramBytes its size on the wire
   * @param timestamp its 32-bit RTP timestamp
   * @return its delay in nanoseconds above the best since the baseline was reset (0 for a new best)
   */
  long media(int sequence, long timestamp, int datagramBytes, long arrivalNanos) {
    packets++;
    bytes += datagramBytes;
    long extended = extendSequence(sequence);
    if (highest < 0 || extended > highest) {
      for (long hole = Math.max(highest + 1, extended - MAX_MISSING); highest >= 0 && hole < extended; hole++) {
        if (missing.size() < MAX_MISSING && missing.add(hole)) {
          toNack.add((int) (hole & 0xffff));
        }
      }
      if (highest >= 0) {
        lost += extended - highest - 1;
      }
      highest = extended;
    } else if (missing.remove(extended)) {
      recovered++; // late, not lost
    } else {
      duplicates++;
    }
    return delay(timestamp, arrivalNanos);
  }

  /** Counts a retransmission of {@code originalSequence}; it recovers a hole if there is one. */
  void retransmission(int originalSequence, int datagramBytes) {
    retransmissions++;
    bytes += datagramBytes;
    if (highest >= 0 && missing.remove(extendNear(originalSequence, highest))) {
      recovered++;
    }
  }

  /** The holes found since the last call, as 16-bit sequence numbers, for a NACK. */
  List<Integer> takeNacks() {
    if (toNack.isEmpty()) {
      return List.of();
    }
    List<Integer> nacks = List.copyOf(toNack);
    toNack.clear();
    return nacks;
  }

  /** Delays from now on are measured against the best seen from now on. */
  void resetDelayBaseline() {
    delayBaseline = Long.MAX_VALUE;
  }

  private long delay(long timestamp, long arrivalNanos) {
    long extended = lastTimestamp < 0 ? timestamp : extendNear32(timestamp, lastTimestamp);
    lastTimestamp = Math.max(lastTimestamp, extended);
    long lag = arrivalNanos - extended * 1_000_000_000L / RTP_CLOCK;
    if (lag < delayBaseline) {
      delayBaseline = lag;
    }
    return lag - delayBaseline;
  }

  private long extendSequence(int sequence) {
    return highest < 0 ? sequence : extendNear(sequence, highest);
  }

  /** The extended value of 16-bit {@code sequence} nearest to {@code reference}. */
  static long extendNear(int sequence, long reference) {
    long candidate = (reference & ~0xffffL) | (sequence & 0xffff);
    if (candidate - reference > 0x8000) {
      candidate -= 0x10000;
    } else if (reference - candidate > 0x8000) {
      candidate += 0x10000;
    }
    return candidate;
  }

  /** The extended value of 32-bit {@code timestamp} nearest to {@code reference}. */
  static long extendNear32(long timestamp, long reference) {
    long candidate = (reference & ~0xffffffffL) | (timestamp & 0xffffffffL);
    if (candidate - reference > 0x80000000L) {
      candidate -= 0x100000000L;
    } else if (reference - candidate > 0x80000000L) {
      candidate += 0x100000000L;
    }
    return candidate;
  }
}
