package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RTP fixed header and what follows it before the payload (RFC 3550 §5.1): CSRC list and
 * optional header extension. Padding belongs to the packet ({@link RtpPacket#paddingSize()}).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param marker M, for video the last packet of a frame (RFC 6184 §5.1)
 * @param payloadType PT, 0–127
 * @param sequenceNumber 0–65535
 * @param timestamp 32-bit unsigned, in the payload's clock (90 kHz for video)
 * @param ssrc 32-bit unsigned
 * @param csrcs at most 15 contributing sources, each 32-bit unsigned
 * @param extension the header extension, if X is set
 */
public record RtpHeader(
    boolean marker,
    int payloadType,
    int sequenceNumber,
    long timestamp,
    long ssrc,
    List<Long> csrcs,
    Optional<HeaderExtension> extension) {

  /** The version this code speaks; RFC 3550 §5.1: "This specification defines the version to be two (2)." */
  public static final int VERSION = 2;
  /** Bytes of the fixed part, without CSRCs or extension. */
  public static final int FIXED_SIZE = 12;
  /** CC is four bits. */
  public static final int MAX_CSRCS = 15;

  public RtpHeader {
    Unsigned.bits("payload type", 7, payloadType);
    Unsigned.bits("sequence number", 16, sequenceNumber);
    Unsigned.u32("timestamp", timestamp);
    Unsigned.u32("SSRC", ssrc);
    csrcs = List.copyOf(csrcs);
    if (csrcs.size() > MAX_CSRCS) {
      throw new IllegalArgumentException("CC is 4 bits: at most 15 CSRCs, got " + csrcs.size());
    }
    csrcs.forEach(csrc -> Unsigned.u32("CSRC", csrc));
    Objects.requireNonNull(extension, "extension");
  }

  /** A header without marker, CSRCs or extension. */
  public static RtpHeader of(int payloadType, int sequenceNumber, long timestamp, long ssrc) {
    return new RtpHeader(false, payloadType, sequenceNumber, timestamp, ssrc, List.of(), Optional.empty());
  }

  public RtpHeader withMarker(boolean newMarker) {
    return new RtpHeader(newMarker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension);
  }

  public RtpHeader withSequenceNumber(int newSequenceNumber) {
    return new RtpHeader(marker, payloadType, newSequenceNumber, timestamp, ssrc, csrcs, extension);
  }

  public RtpHeader withTimestamp(long newTimestamp) {
    return new RtpHeader(marker, payloadType, sequenceNumber, newTimestamp, ssrc, csrcs, extension);
  }

  public RtpHeader withSsrc(long newSsrc) {
    return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, newSsrc, csrcs, extension);
  }

  public RtpHeader withCsrcs(List<Long> newCsrcs) {
    return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, newCsrcs, extension);
  }

  public RtpHeader withExtension(HeaderExtension newExtension) {
    return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, Optional.of(newExtension));
  }

  /** Bytes on the wire: fixed part, CSRCs and extension. */
  public int encodedSize() {
    return FIXED_SIZE + 4 * csrcs.size() + extension.map(HeaderExtension::encodedSize).orElse(0);
  }

  /** Writes the header at {@code out}'s position; P is set when {@code padding} is. */
  void encodeInto(ByteBuffer out, boolean padding) {
    int first = VERSION << 6 | (padding ? 0x20 : 0) | (extension.isPresent() ? 0x10 : 0) | csrcs.size();
    out.put((byte) first);
    out.put((byte) ((marker ? 0x80 : 0) | payloadType));
    out.putShort((short) sequenceNumber);
    out.putInt((int) timestamp);
    out.putInt((int) ssrc);
    for (long csrc : csrcs) {
      out.putInt((int) csrc);
    }
    if (extension.isPresent()) {
      HeaderExtension x = extension.get();
      out.putShort((short) x.profile());
      out.putShort((short) (x.data().size() / 4));
      x.data().writeTo(out);
    }
  }
}
