package dev.junction.media.srtp;

import java.util.Optional;

/**
 * An SRTP protection profile (RFC 5764 §4.1.2) with the sizes its transform needs. Declared in
 * order of preference: the server picks the first one the client offers.
 *
 * <pre>
 *   profile                   id      master key  master salt  tag (RTP and RTCP)
 *   SRTP_AEAD_AES_128_GCM     0x0007  16 bytes    12 bytes     16 bytes  (RFC 7714 §14.2)
 *   SRTP_AES128_CM_HMAC_SHA1_80 0x0001 16 bytes   14 bytes     10 bytes  (RFC 5764 §4.1.2)
 * </pre>
 *
 * <p>GCM comes first: it is about twice as cheap as AES-CM plus HMAC-SHA1 in the JDK and Chrome
 * picks it when offered first (docs: java-stack.md §3).
 */
public enum SrtpProfile {

  /** AES-128 in Galois/Counter Mode, RFC 7714: authenticated encryption, 16-byte tag. */
  AEAD_AES_128_GCM(0x0007, 16, 12, 16),

  /** AES-128 in counter mode with an HMAC-SHA1 tag truncated to 80 bits, RFC 3711. */
  AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10);

  /**
   * Bytes of the SRTCP trailer word that carries the E flag and the 31-bit SRTCP index (RFC 3711
   * §3.4). Every SRTCP packet has one; no profile here uses an MKI.
   */
  public static final int SRTCP_INDEX_LENGTH = 4;

  private final int id;
  private final int keyLength;
  private final int saltLength;
  private final int tagLength;

  SrtpProfile(int id, int keyLength, int saltLength, int tagLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.tagLength = tagLength;
  }

  /** The profile for a DTLS-SRTP protection profile id, if we implement it. */
  public static Optional<SrtpProfile> forId(int id) {
    for (SrtpProfile profile : values()) {
      if (profile.id == id) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }

  /**
   * Our choice among the profile ids a client offered in its use_srtp extension: the first of ours,
   * in our order of preference, that it offered. Unknown ids are ignored.
   */
  public static Optional<SrtpProfile> choose(int... offeredIds) {
    for (SrtpProfile profile : values()) {
      for (int offered : offeredIds) {
        if (offered == profile.id) {
          return Optional.of(profile);
        }
      }
    }
    return Optional.empty();
  }

  /** The two-byte SRTPProtectionProfile value of the DTLS use_srtp extension. */
  public int id() {
    return id;
  }

  /** Length of a master key, and of the session encryption keys derived from it. */
  public int keyLength() {
    return keyLength;
  }

  /** Length of a master salt, and of the session salts derived from it. */
  public int saltLength() {
    return saltLength;
  }

  /** Length of the authentication tag appended to every SRTP and SRTCP packet. */
  public int tagLength() {
    return tagLength;
  }

  /** Bytes protecting adds to an RTP packet: the tag. */
  public int srtpOverhead() {
    return tagLength;
  }

  /** Bytes protecting adds to an RTCP packet: the tag and the E flag with the SRTCP index. */
  public int srtcpOverhead() {
    return tagLength + SRTCP_INDEX_LENGTH;
  }

  /**
   * Length to ask of the DTLS exporter with label {@code "EXTRACTOR-dtls_srtp"}: two master keys
   * and two master salts (RFC 5764 §4.2), 56 bytes for GCM and 60 for AES-CM.
   */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  @Override
  public String toString() {
    return String.format("%s(0x%04x)", name(), id);
  }
}
