package dev.junction.media.rtp;

/**
 * One FIR FCI entry (RFC 5104 §4.3.1.1): the media sender asked for a decoder refresh, and a
 * command sequence number that tells a new request from a repeated one.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Seq nr.       |    Reserved                                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "Reserved: All bits SHALL be set to 0 by the sender and SHALL be ignored on reception."
 *
 * @param ssrc the media sender asked for the refresh
 * @param sequenceNumber command sequence number, 0–255
 */
public record FirEntry(long ssrc, int sequenceNumber) {

  public FirEntry {
    Unsigned.u32("FIR SSRC", ssrc);
    Unsigned.bits("FIR command sequence number", 8, sequenceNumber);
  }
}
