package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6184 packetization mode 1 (non-interleaved, §6.3): the payloads of one access unit.
 *
 * <ul>
 *   <li>A NAL unit larger than the payload budget goes out as FU-A fragments (§5.8).
 *   <li>Consecutive NAL units that fit the budget together go out as one STAP-A (§5.7.1): SPS and
 *       PPS travel together, and with them AUD, SEI and small slices.
 *   <li>Any other NAL unit goes out alone, as a single NAL unit packet (§5.6).
 * </ul>
 *
 * The marker bit belongs on the last packet of the access unit (§5.1: "set for the very last
 * packet of the access unit indicated by the RTP timestamp"); {@link #packetize(AccessUnit, long,
 * RtpSequencer)} sets it. NAL units of types 0 and 24–31 cannot be carried (a receiver would take
 * them for aggregation or fragmentation packets) and are left out.
 *
 * <p>The default budget, 1200 bytes, keeps an SRTP packet with RTP header and extensions inside
 * the smallest path MTU browsers assume. Stateless and thread-safe; run once per stream, not per
 * viewer (anchors §0.4).
 */
public final class H264Packetizer {

  /** Payload bytes per packet unless told otherwise. */
  public static final int DEFAULT_PAYLOAD_BUDGET = 1200;
  /** An FU-A needs its two header bytes and at least one byte of the NAL unit. */
  public static final int MIN_PAYLOAD_BUDGET = FuA.OVERHEAD + 1;

  private final int budget;

  public H264Packetizer() {
    this(DEFAULT_PAYLOAD_BUDGET);
  }

  /** @param payloadBudget the largest RTP payload to produce, at least 3 bytes */
  public H264Packetizer(int payloadBudget) {
    if (payloadBudget < MIN_PAYLOAD_BUDGET) {
      throw new IllegalArgumentException("payload budget " + payloadBudget + " < 3: an FU-A needs 2 header bytes and 1 of data");
    }
    this.budget = payloadBudget;
  }

  public int payloadBudget() {
    return budget;
  }

  /** The RTP payloads of one access unit, in order; the last one gets the marker. */
  public List<Bytes> packetize(AccessUnit unit) {
    List<NalUnit> nals = new ArrayList<>(unit.nalUnits().size());
    for (NalUnit nal : unit.nalUnits()) {
      if (nal.type().isStreamType()) {
        nals.add(nal);
      }
    }
    List<Bytes> payloads = new ArrayList<>();
    int i = 0;
    while (i < nals.size()) {
      NalUnit nal = nals.get(i);
      if (nal.size() > budget) {
        payloads.addAll(FuA.fragment(nal, budget));
        i++;
        continue;
      }
      int end = i + 1;
      int stapSize = StapA.size(List.of(nal));
      while (end < nals.size() && stapSize + 2 + nals.get(end).size() <= budget) {
        stapSize += 2 + nals.get(end).size();
        end++;
      }
      if (end - i >= 2) {
        payloads.add(StapA.build(nals.subList(i, end)));
      } else {
        payloads.add(nal.bytes());
      }
      i = end;
    }
    return payloads;
  }

  /** The RTP packets of one access unit with this 90 kHz timestamp, numbered by {@code sequencer}. */
  public List<RtpPacket> packetize(AccessUnit unit, long timestamp, RtpSequencer sequencer) {
    List<Bytes> payloads = packetize(unit);
    List<RtpPacket> packets = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      packets.add(sequencer.next(payloads.get(i), i == payloads.size() - 1, timestamp));
    }
    return packets;
  }
}
