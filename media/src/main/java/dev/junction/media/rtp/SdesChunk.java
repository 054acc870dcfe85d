package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chunk of an SDES packet (RFC 3550 §6.5): a source and its items. "The list of items in each
 * chunk MUST be terminated by one or more null octets, the first of which is interpreted as an
 * item type of zero to denote the end of the list. No length octet follows the null item type
 * octet, but additional null octets MUST be included if needed to pad until the next 32-bit
 * boundary." A chunk without items is therefore four null octets after the SSRC.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                          SSRC/CSRC_1                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SDES items                          |
 * |                              ...                              |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param source the SSRC or CSRC described
 * @param items its items, in order
 */
public record SdesChunk(long source, List<SdesItem> items) {

  public SdesChunk {
    Unsigned.u32("SSRC/CSRC of an SDES chunk", source);
    items = List.copyOf(items);
  }

  /** The first CNAME item's text, if any. */
  public Optional<String> cname() {
    return items.stream().filter(item -> item.type() == SdesItem.CNAME).findFirst().map(SdesItem::text);
  }

  static SdesChunk decode(WireReader in) throws RtpParseException {
    int start = in.position();
    long source = in.u32("SDES chunk SSRC/CSRC");
    List<SdesItem> items = new ArrayList<>();
    while (true) {
      int type = in.u8("SDES item type (the list must end with a null octet)");
      if (type == 0) {
        break;
      }
      int length = in.u8("SDES item length");
      items.add(new SdesItem(type, in.bytes(length, "SDES item of type " + type)));
    }
    int padding = RtcpHeader.padTo4(in.position() - start);
    for (int i = 0; i < padding; i++) {
      if (in.u8("null octets padding the SDES chunk to 32 bits") != 0) {
        throw new RtpParseException("SDES chunk padding must be null octets (RFC 3550 §6.5)");
      }
    }
    return new SdesChunk(source, items);
  }

  int encodedSize() {
    int size = 4 + 1; // SSRC, terminating null octet
    for (SdesItem item : items) {
      size += item.encodedSize();
    }
    return size + RtcpHeader.padTo4(size);
  }

  void encodeInto(ByteBuffer out) {
    int start = out.position();
    out.putInt((int) source);
    for (SdesItem item : items) {
      out.put((byte) item.type());
      out.put((byte) item.value().size());
      item.value().writeTo(out);
    }
    int end = start + encodedSize();
    while (out.position() < end) {
      out.put((byte) 0);
    }
  }
}
