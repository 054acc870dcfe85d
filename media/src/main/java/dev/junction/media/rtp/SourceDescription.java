package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * SDES: source description (RFC 3550 §6.5). A sender puts its CNAME in every compound packet
 * (§6.1: "Each compound RTCP packet MUST include an SDES CNAME").
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    SC   |  PT=SDES=202  |             length            |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * chunk  |                          SSRC/CSRC_1                          |
 *   1    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                           SDES items                          |
 *        |                              ...                              |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * chunk  |                          SSRC/CSRC_2                          |
 *   2    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                           SDES items                          |
 *        |                              ...                              |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param chunks up to 31 chunks (SC is 5 bits)
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

  public SourceDescription {
    chunks = List.copyOf(chunks);
    RtcpHeader.checkCount("SDES chunks", chunks.size());
  }

  /** One chunk with one CNAME item. */
  public static SourceDescription cname(long ssrc, String cname) {
    return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname)))));
  }

  static SourceDescription decode(int sourceCount, WireReader body) throws RtpParseException {
    List<SdesChunk> chunks = new ArrayList<>(sourceCount);
    for (int i = 0; i < sourceCount; i++) {
      chunks.add(SdesChunk.decode(body));
    }
    if (body.remaining() != 0) {
      throw new RtpParseException(body.remaining() + " bytes follow the SC=" + sourceCount + " SDES chunks");
    }
    return new SourceDescription(chunks);
  }

  @Override
  public int packetType() {
    return SDES;
  }

  @Override
  public int countOrFormat() {
    return chunks.size();
  }

  @Override
  public int encodedSize() {
    int size = 4;
    for (SdesChunk chunk : chunks) {
      size += chunk.encodedSize();
    }
    return size;
  }

  @Override
  public void encodeInto(ByteBuffer out) {
    RtcpHeader.write(out, chunks.size(), SDES, encodedSize());
    chunks.forEach(chunk -> chunk.encodeInto(out));
  }
}
