package dev.junction.media.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The master key and master salt of one direction of an SRTP session (RFC 3711 §3.2.1), for one
 * profile. Immutable: the factory copies what it is given and nothing hands the bytes out, so a
 * key can be passed around and logged ({@code toString} shows only the profile) without leaking
 * or being changed behind a context's back.
 */
public final class SrtpMasterKey {

  private final SrtpProfile profile;
  private final byte[] key;
  private final byte[] salt;

  private SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {
    this.profile = profile;
    this.key = key;
    this.salt = salt;
  }

  /**
   * A master key from copies of {@code key} and {@code salt}.
   *
   * @throws IllegalArgumentException if a length is not the profile's
   */
  public static SrtpMasterKey of(SrtpProfile profile, byte[] key, byte[] salt) {
    Objects.requireNonNull(profile, "profile");
    if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
      throw new IllegalArgumentException(String.format(
          "%s needs a %d-byte master key and a %d-byte master salt, got %d and %d",
          profile, profile.keyLength(), profile.saltLength(), key.length, salt.length));
    }
    return new SrtpMasterKey(profile, key.clone(), salt.clone());
  }

  /**
   * A master key copied out of a larger array, such as the exporter output; the caller has checked
   * that the profile's lengths fit.
   */
  static SrtpMasterKey copyOf(SrtpProfile profile, byte[] material, int keyOffset, int saltOffset) {
    return new SrtpMasterKey(profile,
        Arrays.copyOfRange(material, keyOffset, keyOffset + profile.keyLength()),
        Arrays.copyOfRange(material, saltOffset, saltOffset + profile.saltLength()));
  }

  /** The profile these bytes are sized for. */
  public SrtpProfile profile() {
    return profile;
  }

  /** The master key itself; callers must not modify or keep it. */
  byte[] keyBytes() {
    return key;
  }

  /** The master salt itself; callers must not modify or keep it. */
  byte[] saltBytes() {
    return salt;
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpMasterKey other
        && profile == other.profile
        && MessageDigest.isEqual(key, other.key)
        && MessageDigest.isEqual(salt, other.salt);
  }

  @Override
  public int hashCode() {
    return profile.hashCode(); // deliberately weak: keys should not be hashed into tables by content
  }

  @Override
  public String toString() {
    return "SrtpMasterKey[" + profile + "]";
  }
}
