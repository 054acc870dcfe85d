package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RTP packet (RFC 3550 §5.1): header, payload, and the size of any padding. Decoding is strict:
 * every rule below throws {@link RtpParseException} naming it, and nothing else escapes.
 *
 * <ul>
 *   <li>V must be 2.
 *   <li>The packet holds the 12 fixed bytes, CC CSRCs, and the extension if X is set.
 *   <li>With P set, "the last octet of the padding contains a count of how many padding octets
 *       should be ignored, including itself" (§5.1): so it is at least 1 and no more than what
 *       follows the header.
 * </ul>
 *
 * <p>Encoding writes zero padding bytes followed by the count.
 *
 * @param header the header
 * @param payload the payload, without padding
 * @param paddingSize 0 for no padding (P clear), or 1–255 padding bytes including the count
 */
public record RtpPacket(RtpHeader header, Bytes payload, int paddingSize) {

  public RtpPacket {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(payload, "payload");
    Unsigned.bits("padding size", 8, paddingSize);
  }

  /** A packet without padding. */
  public static RtpPacket of(RtpHeader header, Bytes payload) {
    return new RtpPacket(header, payload, 0);
  }

  /** Decodes {@code length} bytes of {@code bytes} from {@code offset}; the bytes are copied once. */
  public static RtpPacket decode(byte[] bytes, int offset, int length) throws RtpParseException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    byte[] copy = new byte[length];
    System.arraycopy(bytes, offset, copy, 0, length);
    return decodeUnshared(copy);
  }

  /** Decodes all of {@code bytes}. */
  public static RtpPacket decode(byte[] bytes) throws RtpParseException {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes the bytes between {@code buffer}'s position and limit, without moving it. */
  public static RtpPacket decode(ByteBuffer buffer) throws RtpParseException {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return decodeUnshared(copy);
  }

  private static RtpPacket decodeUnshared(byte[] data) throws RtpParseException {
    WireReader in = new WireReader(data, 0, data.length);
    if (data.length < RtpHeader.FIXED_SIZE) {
      throw new RtpParseException("RTP packet of " + data.length + " bytes is shorter than the 12-byte fixed header");
    }
    int first = in.u8("V/P/X/CC");
    int version = first >>> 6;
    if (version != RtpHeader.VERSION) {
      throw new RtpParseException("RTP version " + version + ", RFC 3550 §5.1 requires 2");
    }
    boolean padding = (first & 0x20) != 0;
    boolean hasExtension = (first & 0x10) != 0;
    int csrcCount = first & 0x0f;
    int second = in.u8("M/PT");
    int sequenceNumber = in.u16("sequence number");
    long timestamp = in.u32("timestamp");
    long ssrc = in.u32("SSRC");
    List<Long> csrcs = new ArrayList<>(csrcCount);
    for (int i = 0; i < csrcCount; i++) {
      csrcs.add(in.u32("CSRC " + (i + 1) + " of CC=" + csrcCount));
    }
    Optional<HeaderExtension> extension = Optional.empty();
    if (hasExtension) {
      int profile = in.u16("header extension profile (X=1)");
      int words = in.u16("header extension length (X=1)");
      extension = Optional.of(new HeaderExtension(profile, in.bytes(4 * words, "header extension of " + words + " words")));
    }
    int paddingSize = 0;
    if (padding) {
      if (in.remaining() == 0) {
        throw new RtpParseException("P is set but no byte follows the header to hold the padding count");
      }
      paddingSize = data[data.length - 1] & 0xff;
      if (paddingSize == 0) {
        throw new RtpParseException("padding count 0: RFC 3550 §5.1 counts the last octet itself, so it is at least 1");
      }
      if (paddingSize > in.remaining()) {
        throw new RtpParseException(
            "padding count " + paddingSize + " exceeds the " + in.remaining() + " bytes after the header");
      }
    }
    Bytes payload = in.bytes(in.remaining() - paddingSize, "payload");
    RtpHeader header = new RtpHeader(
        (second & 0x80) != 0, second & 0x7f, sequenceNumber, timestamp, ssrc, csrcs, extension);
    return new RtpPacket(header, payload, paddingSize);
  }

  /** Bytes on the wire: header, payload, padding. */
  public int encodedSize() {
    return header.encodedSize() + payload.size() + paddingSize;
  }

  /** The packet on the wire, in a new array. */
  public byte[] encode() {
    byte[] out = new byte[encodedSize()];
    encodeInto(ByteBuffer.wrap(out));
    return out;
  }

  /**
   * Writes the packet at {@code out}'s position and advances it. The caller makes room for
   * {@link #encodedSize()} bytes; a pooled buffer's old contents never leak into padding.
   */
  public void encodeInto(ByteBuffer out) {
    header.encodeInto(out, paddingSize > 0);
    payload.writeTo(out);
    if (paddingSize > 0) {
      for (int i = 1; i < paddingSize; i++) {
        out.put((byte) 0);
      }
      out.put((byte) paddingSize);
    }
  }

  /** Shorthands for the header's fields. */
  public int sequenceNumber() {
    return header.sequenceNumber();
  }

  public long timestamp() {
    return header.timestamp();
  }

  public boolean marker() {
    return header.marker();
  }

  public long ssrc() {
    return header.ssrc();
  }

  public int payloadType() {
    return header.payloadType();
  }
}
