package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import java.util.Objects;

/**
 * One SDES item (RFC 3550 §6.5): a type octet, a length octet and up to 255 octets of text.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    CNAME=1    |     length    | user and domain name        ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The value is kept as bytes: "the text is encoded according to the UTF-8 encoding" (§6.5), but
 * PRIV (8) carries a prefix length inside it, and a receiver has no reason to refuse a report for
 * a badly encoded NOTE. {@link #text()} decodes it.
 *
 * @param type 1–255; 0 is the end-of-list marker and never an item
 * @param value at most 255 bytes
 */
public record SdesItem(int type, Bytes value) {

  public static final int CNAME = 1;
  public static final int NAME = 2;
  public static final int EMAIL = 3;
  public static final int PHONE = 4;
  public static final int LOC = 5;
  public static final int TOOL = 6;
  public static final int NOTE = 7;
  public static final int PRIV = 8;

  public SdesItem {
    if (type < 1 || type > 255) {
      throw new IllegalArgumentException("SDES item type is 1-255 (0 ends the list), got " + type);
    }
    Objects.requireNonNull(value, "value");
    if (value.size() > 255) {
      throw new IllegalArgumentException("SDES item length is one octet: at most 255 bytes, got " + value.size());
    }
  }

  /** A CNAME item, "user@host" or, as browsers do, a random identifier (RFC 7022). */
  public static SdesItem cname(String cname) {
    return new SdesItem(CNAME, Bytes.utf8(cname));
  }

  /** The value decoded as UTF-8. */
  public String text() {
    return value.utf8();
  }

  int encodedSize() {
    return 2 + value.size();
  }
}
