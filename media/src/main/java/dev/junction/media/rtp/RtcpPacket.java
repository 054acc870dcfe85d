package dev.junction.media.rtp;

import java.nio.ByteBuffer;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6): the types this server reads and writes,
 * and {@link UnknownRtcpPacket} for the rest (APP, XR, REMB, transport-wide feedback, …), which
 * re-encodes verbatim. {@link RtcpCompound} decodes and encodes lists of them.
 *
 * <p>Every RTCP packet starts with this header; length is the packet's size in 32-bit words
 * minus one, header included:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| RC/SC/FMT |      PT       |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface RtcpPacket
    permits SenderReport, ReceiverReport, SourceDescription, Goodbye, GenericNack, PictureLossIndication,
        FullIntraRequest, UnknownRtcpPacket {

  /** SR, RFC 3550 §6.4.1. */
  int SR = 200;
  /** RR, RFC 3550 §6.4.2. */
  int RR = 201;
  /** SDES, RFC 3550 §6.5. */
  int SDES = 202;
  /** BYE, RFC 3550 §6.6. */
  int BYE = 203;
  /** APP, RFC 3550 §6.7. */
  int APP = 204;
  /** RTPFB, transport-layer feedback, RFC 4585 §6.1. */
  int RTPFB = 205;
  /** PSFB, payload-specific feedback, RFC 4585 §6.1. */
  int PSFB = 206;

  /** The PT field. */
  int packetType();

  /** The RC, SC or FMT field, 0–31. */
  int countOrFormat();

  /** Bytes on the wire, header included; a multiple of 4. */
  int encodedSize();

  /** Writes the packet, header included, at {@code out}'s position and advances it. */
  void encodeInto(ByteBuffer out);
}
