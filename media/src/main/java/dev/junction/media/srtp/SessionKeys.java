package dev.junction.media.srtp;

/**
 * The session keys of one packet kind, SRTP or SRTCP, in one direction (RFC 3711 §4.3): the
 * encryption key k_e, the salt k_s and, for AES-CM, the authentication key k_a. Immutable and
 * package-private; the arrays never leave this package.
 */
final class SessionKeys {

  private final byte[] encryptionKey;
  private final byte[] salt;
  private final byte[] authenticationKey;

  /** Keeps the given arrays, which the caller must not touch afterwards. */
  SessionKeys(byte[] encryptionKey, byte[] salt, byte[] authenticationKey) {
    this.encryptionKey = encryptionKey;
    this.salt = salt;
    this.authenticationKey = authenticationKey;
  }

  byte[] encryptionKey() {
    return encryptionKey;
  }

  byte[] salt() {
    return salt;
  }

  /** Empty for AEAD profiles, which need no separate authentication key. */
  byte[] authenticationKey() {
    return authenticationKey;
  }

  @Override
  public String toString() {
    return "SessionKeys[" + encryptionKey.length + "-byte key]";
  }
}
