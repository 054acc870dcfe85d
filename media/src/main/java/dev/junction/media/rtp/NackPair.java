package dev.junction.media.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * One Generic NACK FCI entry (RFC 4585 §6.2.1): a lost packet and a bitmask of the 16 after it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "The BLP allows for reporting losses of any of the 16 RTP packets immediately following the RTP
 * packet indicated by the PID. [...] Denoting the BLP's least significant bit as bit 1, and its
 * most significant bit as bit 16, then bit i of the bit mask is set to 1 if the receiver has not
 * received RTP packet number (PID+i) (modulo 2^16)."
 *
 * @param packetId PID, the first lost sequence number
 * @param lostBitmask BLP, 16 bits
 */
public record NackPair(int packetId, int lostBitmask) {

  public NackPair {
    Unsigned.bits("PID", 16, packetId);
    Unsigned.bits("BLP", 16, lostBitmask);
  }

  /** PID and every PID+i whose bit i is set, in increasing order modulo 2^16. */
  public List<Integer> lostSequenceNumbers() {
    List<Integer> lost = new ArrayList<>(1 + Integer.bitCount(lostBitmask));
    lost.add(packetId);
    for (int i = 1; i <= 16; i++) {
      if ((lostBitmask & 1 << (i - 1)) != 0) {
        lost.add(SequenceNumbers.add(packetId, i));
      }
    }
    return lost;
  }
}
