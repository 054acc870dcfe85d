package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
/**
 * Numbers the packets of one outgoing RTP stream: fixed SSRC and payload type, consecutive
 * sequence numbers that wrap at 65535. A packetizer hands it payloads; it hands back packets.
 *
 * <p>Confined to the thread that produces the stream.
 */
public final class RtpSequencer {

  private final long ssrc;
  private final int payloadType;
  private int nextSequenceNumber;

  /**
   * @param ssrc the stream's SSRC
   * @param payloadType the payload type, 0–127
   * @param firstSequenceNumber the first packet's number; RFC 3550 §5.1 wants it random
   */
  public RtpSequencer(long ssrc, int payloadType, int firstSequenceNumber) {
    Unsigned.u32("SSRC", ssrc);
    Unsigned.bits("payload type", 7, payloadType);
    Unsigned.bits("sequence number", 16, firstSequenceNumber);
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.nextSequenceNumber = firstSequenceNumber;
  }

  /** The next packet with this payload, marker and timestamp. */
  public RtpPacket next(Bytes payload, boolean marker, long timestamp) {
    RtpHeader header = RtpHeader.of(payloadType, nextSequenceNumber, timestamp, ssrc).withMarker(marker);
    nextSequenceNumber = SequenceNumbers.next(nextSequenceNumber);
    return RtpPacket.of(header, payload);
  }

  /** The number the next packet gets. */
  public int nextSequenceNumber() {
    return nextSequenceNumber;
  }
}
