package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;

/**
 * The part of an RTCP compound packet SRTCP leaves in the clear: the first 8 bytes, header and
 * sender SSRC of the first packet (RFC 3711 §3.4; RFC 7714 §9.2 makes them associated data).
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |V=2|P|    RC   |   PT=SR=200   |             length            |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         SSRC of sender                        |
 *   +>+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | |              sender info / report blocks / ...              |  encrypted
 *   +>+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |E|                         SRTCP index                         |  added by SRTCP
 * </pre>
 */
final class RtcpHeader {

  static final int LENGTH = 8;

  private RtcpHeader() {}

  /**
   * Checks that an RTCP packet has the 8 clear bytes and version 2.
   *
   * @param minimum the least length the packet may have
   * @throws SrtpException ({@link Reason#MALFORMED}) otherwise
   */
  static void check(byte[] packet, int offset, int length, int minimum) throws SrtpException {
    if (length < minimum) {
      throw new SrtpException(Reason.MALFORMED, "RTCP packet of " + length + " bytes, need at least " + minimum);
    }
    int version = (packet[offset] & 0xff) >>> 6;
    if (version != 2) {
      throw new SrtpException(Reason.MALFORMED, "RTCP version " + version + ", expected 2");
    }
  }

  static int ssrc(byte[] packet, int offset) {
    return Wire.u32(packet, offset + 4);
  }
}
