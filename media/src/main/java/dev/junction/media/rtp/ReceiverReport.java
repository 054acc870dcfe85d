package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * RR: receiver report (RFC 3550 §6.4.2), what a browser sends about the streams it receives.
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    RC   |   PT=RR=201   |             length            |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                     SSRC of packet sender                     |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                 report blocks (RC of them)                    |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                  profile-specific extensions                  |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc SSRC of packet sender
 * @param reports up to 31 report blocks
 * @param profileExtensions whatever follows the report blocks, kept opaque, whole words
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports, Bytes profileExtensions)
    implements RtcpPacket {

  public ReceiverReport {
    Unsigned.u32("SSRC of packet sender", ssrc);
    reports = List.copyOf(reports);
    RtcpHeader.checkCount("report blocks", reports.size());
    Objects.requireNonNull(profileExtensions, "profileExtensions");
    if (profileExtensions.size() % 4 != 0) {
      throw new IllegalArgumentException("profile-specific extensions are whole 32-bit words, got "
          + profileExtensions.size() + " bytes");
    }
  }

  /** An RR with these report blocks and no extensions; an empty RR is what a silent receiver sends. */
  public static ReceiverReport of(long ssrc, List<ReportBlock> reports) {
    return new ReceiverReport(ssrc, reports, Bytes.EMPTY);
  }

  static ReceiverReport decode(int reportCount, WireReader body) throws RtpParseException {
    long ssrc = body.u32("SSRC of packet sender");
    List<ReportBlock> reports = ReportBlock.decodeAll(body, reportCount, "RR");
    return new ReceiverReport(ssrc, reports, ProfileExtensions.decode(body));
  }

  @Override
  public int packetType() {
    return RR;
  }

  @Override
  public int countOrFormat() {
    return reports.size();
  }

  @Override
  public int encodedSize() {
    return 8 + ReportBlock.SIZE * reports.size() + profileExtensions.size();
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, reports.size(), RR, encodedSize());
    out.putInt((int) ssrc);
    reports.forEach(block -> block.encodeInto(out));
    profileExtensions.writeTo(out);
  }
}
