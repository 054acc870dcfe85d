package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An RTCP packet this codec does not interpret: APP, XR, REMB (PSFB FMT=15), transport-wide
 * congestion control (RTPFB FMT=15), and any type yet to come. Kept as its header fields and body
 * so it re-encodes as it came (padding excepted).
 *
 * @param packetType PT, 192–223
 * @param countOrFormat the 5-bit field after P
 * @param body everything after the 4-byte header, without padding, whole 32-bit words
 */
public record UnknownRtcpPacket(int packetType, int countOrFormat, Bytes body) implements RtcpPacket {

  public UnknownRtcpPacket {
    if (packetType < RtcpCompound.MIN_PACKET_TYPE || packetType > RtcpCompound.MAX_PACKET_TYPE) {
      throw new IllegalArgumentException("RTCP packet types are 192-223 (RFC 5761 §4), got " + packetType);
    }
    Unsigned.bits("RC/SC/FMT", 5, countOrFormat);
    Objects.requireNonNull(body, "body");
    if (body.size() % 4 != 0 || body.size() > 4 * 0xFFFF) {
      throw new IllegalArgumentException("an RTCP body is whole 32-bit words, at most 65535, got " + body.size() + " bytes");
    }
  }

  @Override
  public int encodedSize() {
    return 4 + body.size();
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, countOrFormat, packetType, encodedSize());
    body.writeTo(out);
  }
}
