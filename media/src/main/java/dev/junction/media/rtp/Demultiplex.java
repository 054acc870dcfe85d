package dev.junction.media.rtp;

/**
 * Tells RTCP from RTP on a port that carries both (RFC 5761 §4): the second byte of an RTCP packet
 * is its packet type, 192–223, which RTP would read as marker set and payload type 64–95. That is
 * why RTP payload types 64–95 must not be used with rtcp-mux.
 */
public final class Demultiplex {

  private Demultiplex() {}

  /** True if the bytes look like RTCP: at least 4 bytes, V=2, packet type 192–223. */
  public static boolean isRtcp(byte[] packet, int offset, int length) {
    if (length < 4 || offset < 0 || offset > packet.length - length) {
      return false;
    }
    int type = packet[offset + 1] & 0xff;
    return (packet[offset] & 0xc0) == 0x80 && type >= 192 && type <= 223;
  }
}
