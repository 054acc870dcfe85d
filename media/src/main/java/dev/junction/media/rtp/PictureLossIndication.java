package dev.junction.media.rtp;

import java.nio.ByteBuffer;

/**
 * PLI: picture loss indication, PT=PSFB (206), FMT=1 (RFC 4585 §6.3.1). A viewer that cannot
 * decode asks for a keyframe; the gateway answers from its cached IDR (anchors §8).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |   PT=206      |          length=2             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "PLI does not require parameters. Therefore, the length field MUST be 2, and there MUST NOT be
 * any Feedback Control Information."
 *
 * @param senderSsrc SSRC of packet sender
 * @param mediaSsrc SSRC of media source, the stream that needs a keyframe
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {

  /** FMT of a PLI within PSFB. */
  public static final int FMT = 1;

  public PictureLossIndication {
    Unsigned.u32("SSRC of packet sender", senderSsrc);
    Unsigned.u32("SSRC of media source", mediaSsrc);
  }

  static PictureLossIndication decode(long senderSsrc, long mediaSsrc, WireReader fci) throws RtpParseException {
    if (fci.remaining() != 0) {
      throw new RtpParseException("PLI with " + fci.remaining()
          + " bytes of FCI: RFC 4585 §6.3.1 says the length MUST be 2, with no FCI");
    }
    return new PictureLossIndication(senderSsrc, mediaSsrc);
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
    return 12;
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, FMT, PSFB, encodedSize());
    out.putInt((int) senderSsrc);
    out.putInt((int) mediaSsrc);
  }
}
