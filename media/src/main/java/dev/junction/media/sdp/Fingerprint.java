package dev.junction.media.sdp;

import dev.junction.stun.Bytes;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint, {@code a=fingerprint} (RFC 8122 §5):
 *
 * <pre>
 * attribute   = "fingerprint" ":" hash-func SP fingerprint
 * hash-func   = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / "md5" / "md2" / token
 * fingerprint = 2UHEX *(":" 2UHEX)
 * </pre>
 *
 * The hash name is kept in lower case (Firefox and Chromium send {@code sha-256}); hex digits are
 * read in either case, though the grammar asks for upper case, and written in upper case. For the
 * hashes named above the digest must have that hash's length.
 *
 * @param hashFunction lower case, e.g. {@code sha-256}
 * @param digest the hash of the DER certificate
 */
public record Fingerprint(String hashFunction, Bytes digest) {

  private static final String RULE = "RFC 8122 §5";

  /** SHA-256, which every browser offers and RFC 8827 §6.5 requires endpoints to support. */
  public static final String SHA_256 = "sha-256";

  public Fingerprint {
    hashFunction = hashFunction.toLowerCase(Locale.ROOT);
    if (!Grammar.isToken(hashFunction)) {
      throw new IllegalArgumentException("hash-func must be a token (" + RULE + "): " + hashFunction);
    }
    Objects.requireNonNull(digest, "digest");
    int expected = digestLength(hashFunction);
    if (digest.size() == 0 || expected > 0 && digest.size() != expected) {
      throw new IllegalArgumentException(hashFunction + " fingerprint must be " + (expected > 0 ? expected : "1+")
          + " bytes, got " + digest.size());
    }
  }

  /** A SHA-256 fingerprint of these 32 bytes. */
  public static Fingerprint sha256(Bytes digest) {
    return new Fingerprint(SHA_256, digest);
  }

  /** Parses the value of {@code a=fingerprint:<value>}. */
  public static Fingerprint parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() != 2) {
      throw new SdpParseException("a=fingerprint needs 'hash-func fingerprint', got " + f.size() + " fields (" + RULE + ")");
    }
    String hash = f.get(0).toLowerCase(Locale.ROOT);
    if (!Grammar.isToken(hash)) {
      throw new SdpParseException("a=fingerprint hash-func '" + f.get(0) + "' is not a token (" + RULE + ")");
    }
    String hex = f.get(1);
    if (hex.length() % 3 != 2) {
      throw new SdpParseException("a=fingerprint '" + hex + "' is not 2HEX *(\":\" 2HEX) (" + RULE + ")");
    }
    byte[] digest = new byte[(hex.length() + 1) / 3];
    for (int i = 0; i < digest.length; i++) {
      int hi = Character.digit(hex.charAt(3 * i), 16);
      int lo = Character.digit(hex.charAt(3 * i + 1), 16);
      if (hi < 0 || lo < 0 || i < digest.length - 1 && hex.charAt(3 * i + 2) != ':') {
        throw new SdpParseException("a=fingerprint '" + hex + "' is not 2HEX *(\":\" 2HEX) at byte " + i + " (" + RULE + ")");
      }
      digest[i] = (byte) (hi << 4 | lo);
    }
    int expected = digestLength(hash);
    if (expected > 0 && digest.length != expected) {
      throw new SdpParseException(
          "a=fingerprint " + hash + " must be " + expected + " bytes, got " + digest.length + " (" + RULE + ")");
    }
    return new Fingerprint(hash, Bytes.of(digest));
  }

  /** The digest length of a hash named in RFC 8122 §5, or 0 for others. */
  static int digestLength(String hash) {
    return switch (hash) {
      case "md2", "md5" -> 16;
      case "sha-1" -> 20;
      case "sha-224" -> 28;
      case "sha-256" -> 32;
      case "sha-384" -> 48;
      case "sha-512" -> 64;
      default -> 0;
    };
  }

  /** The value: {@code sha-256 AB:CD:…}. */
  public String value() {
    String hex = digest.hex().toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(hashFunction.length() + 1 + hex.length() * 3 / 2);
    b.append(hashFunction).append(' ');
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        b.append(':');
      }
      b.append(hex, i, i + 2);
    }
    return b.toString();
  }

  /** The {@code a=fingerprint} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("fingerprint", value());
  }
}
