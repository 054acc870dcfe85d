package dev.junction.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 (RFC 8489 §9). Immutable; its
 * {@code toString} never shows the key, so it can sit in a logged object.
 *
 * <p><b>No string preparation.</b> RFC 8489 asks that passwords and realms go through the
 * OpaqueString profile (RFC 8265) first; RFC 5389 asked for SASLprep. This class applies neither:
 * it hashes exactly the strings it is given, which is what browsers (libwebrtc) do and what the
 * ASCII credentials of TURN's REST API need. RFC 5769 §2.4 states its password both raw
 * ({@code "The<U+00AD>M<U+00AA>tr<U+2168>"}) and prepared ({@code "TheMatrIX"}); only the
 * prepared form derives its key here. A deployment with non-ASCII passwords must prepare them
 * before calling {@link #longTerm}.
 */
public final class IntegrityKey {

  private final byte[] key;
  private final SecretKeySpec sha1;
  private final SecretKeySpec sha256;

  private IntegrityKey(byte[] key) {
    if (key.length == 0) {
      // javax.crypto refuses an empty HMAC key; no valid STUN credential yields one.
      throw new IllegalArgumentException("an integrity key must not be empty");
    }
    this.key = key;
    this.sha1 = new SecretKeySpec(key, "HmacSHA1");
    this.sha256 = new SecretKeySpec(key, "HmacSHA256");
  }

  /** A key from its bytes, for instance a long-term key stored instead of the password. */
  public static IntegrityKey of(Bytes key) {
    return new IntegrityKey(key.toByteArray());
  }

  /**
   * The short-term key (RFC 8489 §9.1.1): the password's bytes. ICE signs its checks with the
   * receiver's ice-pwd this way.
   */
  public static IntegrityKey shortTerm(String password) {
    return new IntegrityKey(password.getBytes(StandardCharsets.UTF_8));
  }

  /** The long-term key with the default algorithm: MD5(username ":" realm ":" password). */
  public static IntegrityKey longTerm(String username, String realm, String password) {
    return longTerm(PasswordAlgorithm.MD5, username, realm, password);
  }

  /**
   * The long-term key (RFC 8489 §9.2.2) for PASSWORD-ALGORITHM MD5 (0x0001) or SHA-256 (0x0002):
   * the digest of {@code username ":" realm ":" password} in UTF-8.
   *
   * @throws IllegalArgumentException for any other algorithm
   */
  public static IntegrityKey longTerm(PasswordAlgorithm algorithm, String username, String realm, String password) {
    String digest = switch (algorithm.algorithm()) {
      case PasswordAlgorithm.ALGORITHM_MD5 -> "MD5";
      case PasswordAlgorithm.ALGORITHM_SHA256 -> "SHA-256";
      default -> throw new IllegalArgumentException(
          String.format("no long-term key derivation for password algorithm 0x%04x", algorithm.algorithm()));
    };
    byte[] input = (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
    try {
      return new IntegrityKey(MessageDigest.getInstance(digest).digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides MD5 and SHA-256", e);
    }
  }

  /** The key's bytes, to store a derived long-term key. Handle them as the secret they are. */
  public Bytes bytes() {
    return Bytes.of(key);
  }

  SecretKeySpec hmacSha1() {
    return sha1;
  }

  SecretKeySpec hmacSha256() {
    return sha256;
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof IntegrityKey other && MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return key.length; // deliberately weak: keys should not be hashed into tables by content
  }

  @Override
  public String toString() {
    return "IntegrityKey[" + key.length + " bytes]";
  }
}
