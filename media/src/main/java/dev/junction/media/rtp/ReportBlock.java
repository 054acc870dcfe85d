package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A reception report block of an SR or RR (RFC 3550 §6.4.1): what one receiver saw of one source.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param ssrc the source reported on
 * @param fractionLost lost since the last report, in 1/256ths, 0–255
 * @param cumulativeLost a signed 24-bit number: "the loss may be negative if there are duplicates"
 * @param extendedHighestSequenceNumber cycles in the high 16 bits, highest sequence number in the low
 * @param jitter interarrival jitter in timestamp units
 * @param lastSenderReport LSR, the middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport DLSR in 1/65536 s, 0 if no SR yet
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequenceNumber,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {

  /** Bytes on the wire. */
  public static final int SIZE = 24;
  static final int MIN_CUMULATIVE_LOST = -(1 << 23);
  static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;

  public ReportBlock {
    Unsigned.u32("SSRC of a report block", ssrc);
    Unsigned.bits("fraction lost", 8, fractionLost);
    if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
      throw new IllegalArgumentException("cumulative number of packets lost is a signed 24-bit number, got "
          + cumulativeLost + " (clamp it, RFC 3550 §6.4.1)");
    }
    Unsigned.u32("extended highest sequence number", extendedHighestSequenceNumber);
    Unsigned.u32("interarrival jitter", jitter);
    Unsigned.u32("LSR", lastSenderReport);
    Unsigned.u32("DLSR", delaySinceLastSenderReport);
  }

  /** The {@code count} report blocks that follow the fixed part of an SR or RR ({@code packet}). */
  static List<ReportBlock> decodeAll(WireReader body, int count, String packet) throws RtpParseException {
    List<ReportBlock> reports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reports.add(decode(body.split(SIZE, packet + " report block " + (i + 1) + " of RC=" + count)));
    }
    return reports;
  }

  static ReportBlock decode(WireReader in) throws RtpParseException {
    long ssrc = in.u32("report block SSRC");
    int fractionLost = in.u8("fraction lost");
    int lost = in.u24("cumulative number of packets lost");
    int cumulativeLost = lost << 8 >> 8; // sign-extend 24 bits
    return new ReportBlock(ssrc, fractionLost, cumulativeLost, in.u32("extended highest sequence number"),
        in.u32("interarrival jitter"), in.u32("LSR"), in.u32("DLSR"));
  }

  void encodeInto(ByteBuffer out) {
    out.putInt((int) ssrc);
    out.putInt(fractionLost << 24 | cumulativeLost & 0xFF_FFFF);
    out.putInt((int) extendedHighestSequenceNumber);
    out.putInt((int) jitter);
    out.putInt((int) lastSenderReport);
    out.putInt((int) delaySinceLastSenderReport);
  }
}
