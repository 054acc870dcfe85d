package dev.junction.media.srtp;

import dev.junction.media.srtp.SrtpException.Reason;

/**
 * The few RTP header fields SRTP needs (RFC 3550 §5.1, extension per §5.3.1), read in place.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                           timestamp                           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           synchronization source (SSRC) identifier            |
 *   +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *   |            contributing source (CSRC) identifiers             |
 *   |                             ....                              |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |      defined by profile       |           length              |  if X
 *   |                        header extension                       |
 * </pre>
 *
 * SRTP encrypts everything after the header, padding included, and authenticates the header
 * (RFC 3711 §3.1; RFC 7714 §8.2 makes the header the AEAD associated data).
 */
final class RtpHeader {

  static final int FIXED_LENGTH = 12;

  private RtpHeader() {}

  /**
   * The header length, CSRCs and extension included.
   *
   * @throws SrtpException ({@link Reason#MALFORMED}) if the packet is not RTP version 2 or its
   *     header runs past {@code length}
   */
  static int length(byte[] packet, int offset, int length) throws SrtpException {
    if (length < FIXED_LENGTH) {
      throw new SrtpException(Reason.MALFORMED, "RTP packet of " + length + " bytes is shorter than the 12-byte header");
    }
    int first = packet[offset] & 0xff;
    if (first >>> 6 != 2) {
      throw new SrtpException(Reason.MALFORMED, "RTP version " + (first >>> 6) + ", expected 2");
    }
    int headerLength = FIXED_LENGTH + 4 * (first & 0x0f);
    if ((first & 0x10) != 0) {
      if (length < headerLength + 4) {
        throw new SrtpException(Reason.MALFORMED,
            "RTP header extension starts at " + headerLength + " but the packet has " + length + " bytes");
      }
      headerLength += 4 + 4 * u16(packet, offset + headerLength + 2);
    }
    if (headerLength > length) {
      throw new SrtpException(Reason.MALFORMED,
          "RTP header of " + headerLength + " bytes exceeds the packet's " + length);
    }
    return headerLength;
  }

  static int sequenceNumber(byte[] packet, int offset) {
    return u16(packet, offset + 2);
  }

  static int ssrc(byte[] packet, int offset) {
    return Wire.u32(packet, offset + 8);
  }

  private static int u16(byte[] packet, int at) {
    return (packet[at] & 0xff) << 8 | packet[at + 1] & 0xff;
  }
}
