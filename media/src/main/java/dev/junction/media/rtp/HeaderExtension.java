package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.util.Objects;

/**
 * An RTP header extension (RFC 3550 §5.3.1), kept opaque: the 16 profile-defined bits and the
 * extension words. RFC 8285's one-byte ({@code 0xBEDE}) and two-byte ({@code 0x100x}) element
 * formats live inside {@link #data()}; reading them is left to whoever negotiated them.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        header extension                       |
 * |                             ....                              |
 * </pre>
 *
 * "length" counts the 32-bit words of the extension, so {@code data} is a multiple of 4 bytes.
 *
 * @param profile the 16 bits "defined by profile", e.g. 0xBEDE
 * @param data the extension words, a multiple of 4 bytes, at most 65535 words
 */
public record HeaderExtension(int profile, Bytes data) {

  /** The largest extension body: the length field counts 32-bit words in 16 bits. */
  public static final int MAX_DATA_BYTES = 0xFFFF * 4;

  public HeaderExtension {
    Unsigned.bits("header extension profile", 16, profile);
    Objects.requireNonNull(data, "data");
    if (data.size() % 4 != 0 || data.size() > MAX_DATA_BYTES) {
      throw new IllegalArgumentException(
          "header extension data is a whole number of 32-bit words (at most 65535), got " + data.size() + " bytes");
    }
  }

  /** Bytes on the wire: the 4-byte extension header and the data. */
  public int encodedSize() {
    return 4 + data.size();
  }
}
