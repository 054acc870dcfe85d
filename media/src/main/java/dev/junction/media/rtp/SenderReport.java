package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * SR: sender report (RFC 3550 §6.4.1). The NTP/RTP timestamp pair lets a receiver map the
 * stream's timestamps to wall-clock time, which lip sync needs (anchors §0.8).
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    RC   |   PT=SR=200   |             length            |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                         SSRC of sender                        |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * sender |              NTP timestamp, most significant word             |
 * info   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |             NTP timestamp, least significant word             |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                         RTP timestamp                         |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                     sender's packet count                     |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                      sender's octet count                     |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                 report blocks (RC of them)                    |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                  profile-specific extensions                  |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc SSRC of sender
 * @param ntpTimestamp 64-bit NTP time (see {@link NtpTime}), unsigned in a long
 * @param rtpTimestamp the same instant in the stream's RTP clock
 * @param packetCount packets sent since the start, modulo 2^32
 * @param octetCount payload octets sent since the start, modulo 2^32
 * @param reports up to 31 report blocks
 * @param profileExtensions whatever follows the report blocks, kept opaque, whole words
 */
public record SenderReport(
    long ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReportBlock> reports,
    Bytes profileExtensions) implements RtcpPacket {

  private static final int FIXED_BODY = 24;

  public SenderReport {
    Unsigned.u32("SSRC of sender", ssrc);
    Unsigned.u32("RTP timestamp", rtpTimestamp);
    Unsigned.u32("sender's packet count", packetCount);
    Unsigned.u32("sender's octet count", octetCount);
    reports = List.copyOf(reports);
    RtcpHeader.checkCount("report blocks", reports.size());
    Objects.requireNonNull(profileExtensions, "profileExtensions");
    if (profileExtensions.size() % 4 != 0) {
      throw new IllegalArgumentException("profile-specific extensions are whole 32-bit words, got "
          + profileExtensions.size() + " bytes");
    }
  }

  /** An SR with these report blocks and no extensions. */
  public static SenderReport of(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
      List<ReportBlock> reports) {
    return new SenderReport(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, Bytes.EMPTY);
  }

  static SenderReport decode(int reportCount, WireReader body) throws RtpParseException {
    long ssrc = body.u32("SSRC of sender");
    long ntp = body.u64("NTP timestamp");
    long rtp = body.u32("RTP timestamp");
    long packets = body.u32("sender's packet count");
    long octets = body.u32("sender's octet count");
    List<ReportBlock> reports = ReportBlock.decodeAll(body, reportCount, "SR");
    return new SenderReport(ssrc, ntp, rtp, packets, octets, reports, ProfileExtensions.decode(body));
  }

  @Override
  public int packetType() {
    return SR;
  }

  @Override
  public int countOrFormat() {
    return reports.size();
  }

  @Override
  public int encodedSize() {
    return 4 + FIXED_BODY + ReportBlock.SIZE * reports.size() + profileExtensions.size();
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, reports.size(), SR, encodedSize());
    out.putInt((int) ssrc);
    out.putLong(ntpTimestamp);
    out.putInt((int) rtpTimestamp);
    out.putInt((int) packetCount);
    out.putInt((int) octetCount);
    reports.forEach(block -> block.encodeInto(out));
    profileExtensions.writeTo(out);
  }
}
