package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A compound RTCP packet (RFC 3550 §6.1): RTCP packets back to back in one datagram. Decoding is
 * strict and throws only {@link RtpParseException}, naming the rule:
 *
 * <ul>
 *   <li>at least one packet; every packet has V=2 and a PT of 192–223 (RFC 5761 §4);
 *   <li>"The length fields of the individual RTCP packets must add up to the overall length of the
 *       compound RTCP packet as received" (RFC 3550 A.2);
 *   <li>padding only on the last packet ("padding should only be applied, if it is needed, to the
 *       last packet", A.2); its count is at least 1, fits the body, and leaves whole words;
 *   <li>each type's own layout, checked by its decoder.
 * </ul>
 *
 * The first packet is not required to be an SR or RR: reduced-size RTCP (RFC 5506), which
 * browsers negotiate with {@code a=rtcp-rsize}, sends feedback on its own.
 *
 * @param packets one or more packets, in order
 */
public record RtcpCompound(List<RtcpPacket> packets) {

  static final int MIN_PACKET_TYPE = 192;
  static final int MAX_PACKET_TYPE = 223;

  public RtcpCompound {
    packets = List.copyOf(packets);
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("a compound RTCP packet holds at least one packet");
    }
  }

  public static RtcpCompound of(RtcpPacket... packets) {
    return new RtcpCompound(Arrays.asList(packets));
  }

  /** Decodes {@code length} bytes of {@code bytes} from {@code offset}; the bytes are copied once. */
  public static RtcpCompound decode(byte[] bytes, int offset, int length) throws RtpParseException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return decodeUnshared(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** Decodes all of {@code bytes}. */
  public static RtcpCompound decode(byte[] bytes) throws RtpParseException {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes the bytes between {@code buffer}'s position and limit, without moving it. */
  public static RtcpCompound decode(ByteBuffer buffer) throws RtpParseException {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return decodeUnshared(copy);
  }

  private static RtcpCompound decodeUnshared(byte[] data) throws RtpParseException {
    if (data.length == 0) {
      throw new RtpParseException("empty datagram: a compound RTCP packet holds at least one packet");
    }
    WireReader in = new WireReader(data, 0, data.length);
    List<RtcpPacket> packets = new ArrayList<>(4);
    while (in.remaining() > 0) {
      int index = packets.size() + 1;
      if (in.remaining() < 4) {
        throw new RtpParseException(in.remaining() + " bytes after packet " + packets.size()
            + ": the lengths of the RTCP packets must add up to the datagram (RFC 3550 A.2)");
      }
      int first = in.u8("V/P/count");
      int version = first >>> 6;
      if (version != RtpHeader.VERSION) {
        throw new RtpParseException("RTCP packet " + index + " has version " + version + ", RFC 3550 §6.4.1 requires 2");
      }
      boolean padding = (first & 0x20) != 0;
      int count = first & 0x1f;
      int packetType = in.u8("PT");
      if (packetType < MIN_PACKET_TYPE || packetType > MAX_PACKET_TYPE) {
        throw new RtpParseException("RTCP packet " + index + " has PT " + packetType
            + ": RTCP packet types are 192-223 (RFC 5761 §4)");
      }
      int words = in.u16("length");
      int bodySize = 4 * words;
      if (bodySize > in.remaining()) {
        throw new RtpParseException("RTCP packet " + index + " (PT " + packetType + ") says " + (bodySize + 4)
            + " bytes, " + (in.remaining() + 4) + " are left");
      }
      WireReader body = in.split(bodySize, "RTCP packet body");
      if (padding) {
        if (in.remaining() != 0) {
          throw new RtpParseException("padding on RTCP packet " + index
              + ", which is not the last: only the last packet of a compound may be padded (RFC 3550 A.2)");
        }
        body = stripPadding(data, body, bodySize, index);
      }
      packets.add(decodeOne(packetType, count, body));
    }
    return new RtcpCompound(packets);
  }

  private static WireReader stripPadding(byte[] data, WireReader body, int bodySize, int index)
      throws RtpParseException {
    int paddingCount = bodySize == 0 ? 0 : data[data.length - 1] & 0xff;
    if (paddingCount == 0 || paddingCount > bodySize) {
      throw new RtpParseException("RTCP packet " + index + " padding count " + paddingCount
          + " must be 1 to the " + bodySize + " bytes after the header (RFC 3550 §6.4.1)");
    }
    if (paddingCount % 4 != 0) {
      throw new RtpParseException("RTCP packet " + index + " padding count " + paddingCount
          + " leaves control information that is not whole 32-bit words");
    }
    return body.split(bodySize - paddingCount, "RTCP packet body without padding");
  }

  private static RtcpPacket decodeOne(int packetType, int count, WireReader body) throws RtpParseException {
    switch (packetType) {
      case RtcpPacket.SR:
        return SenderReport.decode(count, body);
      case RtcpPacket.RR:
        return ReceiverReport.decode(count, body);
      case RtcpPacket.SDES:
        return SourceDescription.decode(count, body);
      case RtcpPacket.BYE:
        return Goodbye.decode(count, body);
      case RtcpPacket.RTPFB:
      case RtcpPacket.PSFB:
        return decodeFeedback(packetType, count, body);
      default:
        return new UnknownRtcpPacket(packetType, count, body.bytes(body.remaining(), "RTCP body"));
    }
  }

  /**
   * The common feedback header (RFC 4585 §6.1): SSRC of packet sender, SSRC of media source, FCI.
   *
   * <pre>
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * |V=2|P|   FMT   |       PT      |          length               |
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * |                  SSRC of packet sender                        |
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * |                  SSRC of media source                         |
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * :            Feedback Control Information (FCI)                 :
   * </pre>
   */
  private static RtcpPacket decodeFeedback(int packetType, int format, WireReader body) throws RtpParseException {
    if (body.remaining() < 8) {
      throw new RtpParseException("feedback packet (PT " + packetType + ", FMT " + format + ") of " + body.remaining()
          + " bytes after the header lacks the two SSRCs of RFC 4585 §6.1");
    }
    if (packetType == RtcpPacket.RTPFB && format == GenericNack.FMT) {
      return GenericNack.decode(body.u32("SSRC of packet sender"), body.u32("SSRC of media source"), body);
    }
    if (packetType == RtcpPacket.PSFB && format == PictureLossIndication.FMT) {
      return PictureLossIndication.decode(body.u32("SSRC of packet sender"), body.u32("SSRC of media source"), body);
    }
    if (packetType == RtcpPacket.PSFB && format == FullIntraRequest.FMT) {
      long sender = body.u32("SSRC of packet sender");
      body.skip(4, "SSRC of media source (unused by FIR)");
      return FullIntraRequest.decode(sender, body);
    }
    return new UnknownRtcpPacket(packetType, format, body.bytes(body.remaining(), "feedback body"));
  }

  /** The packets of one type, in order: {@code compound.packets(GenericNack.class)}. */
  public <T extends RtcpPacket> List<T> packets(Class<T> type) {
    return packets.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Bytes on the wire. */
  public int encodedSize() {
    int size = 0;
    for (RtcpPacket packet : packets) {
      size += packet.encodedSize();
    }
    return size;
  }

  /** The compound packet on the wire, in a new array. */
  public byte[] encode() {
    byte[] out = new byte[encodedSize()];
    encodeInto(ByteBuffer.wrap(out));
    return out;
  }

  /** Writes the packets at {@code out}'s position and advances it; the caller makes room for {@link #encodedSize()}. */
  public void encodeInto(ByteBuffer out) {
    packets.forEach(packet -> packet.encodeInto(out));
  }
}
