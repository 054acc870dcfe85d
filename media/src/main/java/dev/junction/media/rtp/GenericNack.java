package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Generic NACK: transport-layer feedback, PT=RTPFB (205), FMT=1 (RFC 4585 §6.2.1). A browser
 * lists the packets it lacks; the server answers from its retransmission buffer.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |   PT=205      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |  (one or more)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "The FCI field MUST contain at least one and MAY contain more than one Generic NACK."
 *
 * @param senderSsrc SSRC of packet sender
 * @param mediaSsrc SSRC of media source, the stream whose packets are missing
 * @param pairs at least one PID/BLP pair
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<NackPair> pairs) implements RtcpPacket {

  /** FMT of a Generic NACK within RTPFB. */
  public static final int FMT = 1;

  public GenericNack {
    Unsigned.u32("SSRC of packet sender", senderSsrc);
    Unsigned.u32("SSRC of media source", mediaSsrc);
    pairs = List.copyOf(pairs);
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("a Generic NACK holds at least one PID/BLP pair (RFC 4585 §6.2.1)");
    }
  }

  /**
   * A NACK for {@code lost}, taken in the order given (ascending in the wrap-aware sense, as a
   * receiver finds gaps): each number within 16 after the current PID sets a bit, any other
   * starts a new pair. Repeats are ignored.
   */
  public static GenericNack of(long senderSsrc, long mediaSsrc, Collection<Integer> lost) {
    List<NackPair> pairs = new ArrayList<>();
    int pid = -1;
    int blp = 0;
    for (int seq : lost) {
      Unsigned.bits("lost sequence number", 16, seq);
      int distance = pid < 0 ? -1 : SequenceNumbers.distance(pid, seq);
      if (distance == 0) {
        continue;
      }
      if (distance >= 1 && distance <= 16) {
        blp |= 1 << (distance - 1);
      } else {
        if (pid >= 0) {
          pairs.add(new NackPair(pid, blp));
        }
        pid = seq;
        blp = 0;
      }
    }
    if (pid >= 0) {
      pairs.add(new NackPair(pid, blp));
    }
    return new GenericNack(senderSsrc, mediaSsrc, pairs);
  }

  /** Every sequence number the pairs name, pair by pair. */
  public List<Integer> lostSequenceNumbers() {
    List<Integer> lost = new ArrayList<>();
    pairs.forEach(pair -> lost.addAll(pair.lostSequenceNumbers()));
    return lost;
  }

  static GenericNack decode(long senderSsrc, long mediaSsrc, WireReader fci) throws RtpParseException {
    if (fci.remaining() == 0 || fci.remaining() % 4 != 0) {
      throw new RtpParseException("Generic NACK FCI of " + fci.remaining()
          + " bytes: RFC 4585 §6.2.1 wants one or more 4-byte PID/BLP pairs");
    }
    List<NackPair> pairs = new ArrayList<>(fci.remaining() / 4);
    while (fci.remaining() > 0) {
      pairs.add(new NackPair(fci.u16("PID"), fci.u16("BLP")));
    }
    return new GenericNack(senderSsrc, mediaSsrc, pairs);
  }

  @Override
  public int packetType() {
    return RTPFB;
  }

  @Override
  public int countOrFormat() {
    return FMT;
  }

  @Override
  public int encodedSize() {
    return 12 + 4 * pairs.size();
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, FMT, RTPFB, encodedSize());
    out.putInt((int) senderSsrc);
    out.putInt((int) mediaSsrc);
    for (NackPair pair : pairs) {
      out.putShort((short) pair.packetId());
      out.putShort((short) pair.lostBitmask());
    }
  }
}
