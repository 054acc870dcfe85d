package dev.junction.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * USERHASH (RFC 8489 §14.4): {@code SHA-256(username ":" realm)}, sent instead of USERNAME by a
 * client that wants to hide its name (a server advertises support in its nonce's feature bits).
 *
 * @param hash 32 bytes
 */
public record UserHash(Bytes hash) implements StunAttribute {

  /** USERHASH. */
  public static final int TYPE = 0x001E;

  /** Length of the value: one SHA-256 digest. */
  public static final int LENGTH = 32;

  public UserHash {
    Checks.size("USERHASH", hash, LENGTH);
  }

  /**
   * The hash of a name in a realm. Both must already be prepared (OpaqueString for the name,
   * as for USERNAME): this module applies no preparation.
   */
  public static UserHash of(String username, String realm) {
    byte[] input = (username + ":" + realm).getBytes(StandardCharsets.UTF_8);
    try {
      return new UserHash(Bytes.of(MessageDigest.getInstance("SHA-256").digest(input)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }
}
