package dev.junction.media.dtls;

import java.util.Arrays;

/**
 * What a DTLS-SRTP handshake yields: the SRTP protection profile both sides chose and the keying
 * material exported with {@code EXTRACTOR-dtls_srtp} (RFC 5764 §4.2), laid out
 * client_key | server_key | client_salt | server_salt. As the DTLS server we encrypt with the
 * server half and decrypt with the client half.
 */
public final class SrtpKeyingMaterial {

  /** SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2). */
  public static final int AES128_CM_HMAC_SHA1_80 = 0x0001;
  /** SRTP_AEAD_AES_128_GCM (RFC 7714 §14.2). */
  public static final int AEAD_AES_128_GCM = 0x0007;

  private final int profile;
  private final byte[] material;

  SrtpKeyingMaterial(int profile, byte[] material) {
    this.profile = profile;
    this.material = material.clone();
  }

  /** The negotiated profile: {@link #AEAD_AES_128_GCM} or {@link #AES128_CM_HMAC_SHA1_80}. */
  public int profile() {
    return profile;
  }

  /** The exported bytes, a copy. */
  public byte[] material() {
    return material.clone();
  }

  /** Master key length in bytes: 16 for both profiles. */
  static final int KEY_LENGTH = 16;

  /** Master salt length in bytes for {@code profile}. */
  static int saltLength(int profile) {
    return profile == AEAD_AES_128_GCM ? 12 : 14;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeyingMaterial other && other.profile == profile && Arrays.equals(other.material, material);
  }

  @Override
  public int hashCode() {
    return 31 * profile + Arrays.hashCode(material);
  }

  @Override
  public String toString() {
    return "SrtpKeyingMaterial[profile=0x" + Integer.toHexString(profile) + ", " + material.length + " bytes]";
  }
}
