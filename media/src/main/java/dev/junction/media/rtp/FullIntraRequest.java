package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * FIR: full intra request, PT=PSFB (206), FMT=4 (RFC 5104 §4.3.1), the older keyframe request
 * some browsers still send (Janus turns it into a PLI).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=4  |   PT=206      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  FIR entries (8 bytes each, one or more)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The media source field "is not used and SHALL be set to 0": encoding writes 0, decoding
 * ignores what is there, and the FIR entries name the sources. "The FCI field MUST contain one
 * or more FIR entries."
 *
 * @param senderSsrc SSRC of packet sender
 * @param entries at least one entry
 */
public record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {

  /** FMT of a FIR within PSFB. */
  public static final int FMT = 4;

  public FullIntraRequest {
    Unsigned.u32("SSRC of packet sender", senderSsrc);
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a FIR holds one or more FIR entries (RFC 5104 §4.3.1.2)");
    }
  }

  static FullIntraRequest decode(long senderSsrc, WireReader fci) throws RtpParseException {
    if (fci.remaining() == 0 || fci.remaining() % 8 != 0) {
      throw new RtpParseException("FIR FCI of " + fci.remaining()
          + " bytes: RFC 5104 §4.3.1 wants one or more 8-byte FIR entries");
    }
    List<FirEntry> entries = new ArrayList<>(fci.remaining() / 8);
    while (fci.remaining() > 0) {
      long ssrc = fci.u32("FIR entry SSRC");
      int sequenceNumber = fci.u8("FIR command sequence number");
      fci.skip(3, "FIR reserved bits");
      entries.add(new FirEntry(ssrc, sequenceNumber));
    }
    return new FullIntraRequest(senderSsrc, entries);
  }

  @Override
  public int packetType() {
    return PSFB;
  }

  @Override
  public int countOrFormat() {
    return FMT;
  }

  @Override
  public int encodedSize() {
    return 12 + 8 * entries.size();
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, FMT, PSFB, encodedSize());
    out.putInt((int) senderSsrc);
    out.putInt(0);
    for (FirEntry entry : entries) {
      out.putInt((int) entry.ssrc());
      out.putInt(entry.sequenceNumber() << 24);
    }
  }
}
