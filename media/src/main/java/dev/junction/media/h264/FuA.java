package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * FU-A, fragmentation unit type A (RFC 6184 §5.8): a NAL unit too big for one packet, split over
 * several. The NAL unit's header byte is not sent; FU indicator and FU header carry its F, NRI
 * and type. Figure 14:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | FU indicator  |   FU header   |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * |                                                               |
 * |                         FU payload                            |
 * |                                                               |
 * |                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               :...OPTIONAL RTP padding        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * FU indicator        FU header
 * +---------------+   +---------------+
 * |0|1|2|3|4|5|6|7|   |0|1|2|3|4|5|6|7|
 * +-+-+-+-+-+-+-+-+   +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type   |   |S|E|R|  Type   |
 * +---------------+   +---------------+
 *   Type = 28           Type = the NAL unit's
 * </pre>
 *
 * "A fragmented NAL unit MUST NOT be transmitted in one FU; that is, the Start bit and End bit
 * MUST NOT both be set to one in the same FU header." R "MUST be equal to 0 and MUST be ignored
 * by the receiver."
 */
final class FuA {

  static final int TYPE = 28;
  static final int START = 0x80;
  static final int END = 0x40;
  /** FU indicator and FU header. */
  static final int OVERHEAD = 2;

  private FuA() {}

  /**
   * The fragments of {@code unit}, each payload at most {@code budget} bytes. Fragments are as
   * large as the budget allows, the last takes the rest; there are always at least two, because
   * only a unit larger than the budget is fragmented.
   */
  static List<Bytes> fragment(NalUnit unit, int budget) {
    int header = unit.header();
    int indicator = header & 0xE0 | TYPE;
    int type = header & 0x1F;
    Bytes data = unit.bytes();
    int chunk = budget - OVERHEAD;
    List<Bytes> fragments = new ArrayList<>((data.size() - 1 + chunk - 1) / chunk);
    for (int at = 1; at < data.size(); at += chunk) {
      int count = Math.min(chunk, data.size() - at);
      int flags = (at == 1 ? START : 0) | (at + count == data.size() ? END : 0);
      fragments.add(Bytes.builder(OVERHEAD + count)
          .writeByte(indicator)
          .writeByte(flags | type)
          .write(data, at, count)
          .build());
    }
    return fragments;
  }
}
