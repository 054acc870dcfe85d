package dev.junction.media.ice;

import dev.junction.stun.IntegrityKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * One side's ICE username fragment and password (RFC 8445 §5.3, RFC 8839 §5.4). The peer signs
 * its checks with our password and names our ufrag first in USERNAME.
 *
 * <p>{@code ice-char = ALPHA / DIGIT / "+" / "/"}; ufrag 4-256 characters, password 22-256.
 * {@link #random()} draws 8 and 24 characters from {@link SecureRandom}: 48 and 144 bits, above
 * RFC 8445 §5.3's "at least 24 bits" and "at least 128 bits". Immutable; {@code toString} hides the
 * password.
 */
public record IceCredentials(String ufrag, String pwd) {

  /** Characters of a random ufrag. */
  public static final int RANDOM_UFRAG_LENGTH = 8;
  /** Characters of a random password. */
  public static final int RANDOM_PWD_LENGTH = 24;

  private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  public IceCredentials {
    if (!iceChars(ufrag, 4, 256)) {
      throw new IllegalArgumentException("ice-ufrag must be 4-256 ice-chars (RFC 8839 §5.4): " + ufrag);
    }
    Objects.requireNonNull(pwd, "pwd");
    if (!iceChars(pwd, 22, 256)) {
      throw new IllegalArgumentException("ice-pwd must be 22-256 ice-chars (RFC 8839 §5.4), got " + pwd.length());
    }
  }

  /** New random credentials. */
  public static IceCredentials random() {
    return random(RANDOM);
  }

  /** New credentials from {@code random}: tests pass a seeded one, production a {@link SecureRandom}. */
  public static IceCredentials random(java.util.Random random) {
    return new IceCredentials(randomChars(random, RANDOM_UFRAG_LENGTH), randomChars(random, RANDOM_PWD_LENGTH));
  }

  /**
   * The key of MESSAGE-INTEGRITY in checks sent to the owner of these credentials: the short-term
   * key, the password's bytes (RFC 8445 §7.2.2, RFC 8489 §9.1.1).
   */
  public IntegrityKey integrityKey() {
    return IntegrityKey.shortTerm(pwd);
  }

  private static String randomChars(java.util.Random random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())); // 64 symbols: exactly 6 bits each
    }
    return new String(out);
  }

  private static boolean iceChars(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + ", pwd=(" + pwd.length() + " chars)]";
  }
}
