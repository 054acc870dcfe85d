package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * BYE: goodbye (RFC 3550 §6.6), the sources that leave and an optional reason.
 *
 * <pre>
 *        0                   1                   2                   3
 *        0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       |V=2|P|    SC   |   PT=BYE=203  |             length            |
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       |                           SSRC/CSRC                           |
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       :                              ...                              :
 *       +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * (opt) |     length    |               reason for leaving            ...
 *       +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The reason is padded with null octets to the next 32-bit boundary; an empty reason is sent as
 * no reason at all.
 *
 * @param sources up to 31 SSRCs or CSRCs
 * @param reason the reason for leaving, at most 255 bytes (UTF-8 text), empty if none
 */
public record Goodbye(List<Long> sources, Bytes reason) implements RtcpPacket {

  public Goodbye {
    sources = List.copyOf(sources);
    RtcpHeader.checkCount("sources", sources.size());
    sources.forEach(source -> Unsigned.u32("BYE SSRC/CSRC", source));
    Objects.requireNonNull(reason, "reason");
    if (reason.size() > 255) {
      throw new IllegalArgumentException("BYE reason length is one octet: at most 255 bytes, got " + reason.size());
    }
  }

  /** One source leaving without a reason. */
  public static Goodbye of(long ssrc) {
    return new Goodbye(List.of(ssrc), Bytes.EMPTY);
  }

  /** The same sources leaving for {@code text}. */
  public Goodbye withReason(String text) {
    return new Goodbye(sources, Bytes.utf8(text));
  }

  /** The reason decoded as UTF-8. */
  public String reasonText() {
    return reason.utf8();
  }

  static Goodbye decode(int sourceCount, WireReader body) throws RtpParseException {
    List<Long> sources = new ArrayList<>(sourceCount);
    for (int i = 0; i < sourceCount; i++) {
      sources.add(body.u32("BYE SSRC/CSRC " + (i + 1) + " of SC=" + sourceCount));
    }
    Bytes reason = Bytes.EMPTY;
    if (body.remaining() > 0) {
      int length = body.u8("BYE reason length");
      reason = body.bytes(length, "BYE reason for leaving");
      if (body.remaining() > 3) {
        throw new RtpParseException(body.remaining() + " bytes follow the BYE reason; only null padding to 32 bits may");
      }
      while (body.remaining() > 0) {
        if (body.u8("BYE padding") != 0) {
          throw new RtpParseException("BYE reason padding must be null octets (RFC 3550 §6.6)");
        }
      }
    }
    return new Goodbye(sources, reason);
  }

  @Override
  public int packetType() {
    return BYE;
  }

  @Override
  public int countOrFormat() {
    return sources.size();
  }

  @Override
  public int encodedSize() {
    int size = 4 + 4 * sources.size();
    if (!reason.isEmpty()) {
      size += 1 + reason.size();
      size += RtcpHeader.padTo4(size);
    }
    return size;
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    int end = out.position() + encodedSize();
    RtcpHeader.write(out, sources.size(), BYE, encodedSize());
    sources.forEach(source -> out.putInt((int) (long) source));
    if (!reason.isEmpty()) {
      out.put((byte) reason.size());
      reason.writeTo(out);
      while (out.position() < end) {
        out.put((byte) 0);
      }
    }
  }
}
