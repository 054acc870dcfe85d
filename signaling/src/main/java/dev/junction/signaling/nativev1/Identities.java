package dev.junction.signaling.nativev1;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The rules of identities, and the random values sessions are named and secured with. */
final class Identities {

  static final int MAX_LENGTH = 64;
  /** Identities appear in URLs of the admin API and in logs: a safe alphabet only. */
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Identities() {}

  /** Why {@code identity} is not valid, or empty when it is. */
  static Optional<String> problem(String identity) {
    if (identity == null || !IDENTITY.matcher(identity).matches()) {
      return Optional.of("an identity is 1 to " + MAX_LENGTH + " letters, digits, '.', '_', '@' or '-'");
    }
    return Optional.empty();
  }

  /** {@code identity-2}, {@code identity-3}, … the first that {@code taken} refuses, kept within the length limit. */
  static String firstFree(String identity, Predicate<String> taken) {
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      String base = identity.length() + suffix.length() > MAX_LENGTH
          ? identity.substring(0, MAX_LENGTH - suffix.length()) : identity;
      if (!taken.test(base + suffix)) {
        return base + suffix;
      }
    }
  }

  /** An identity for a client that asked for none: {@code guest-} and 8 random characters. */
  static String guest() {
    return "guest-" + random(6);
  }

  /** {@code bytes} random bytes as URL-safe base64 without padding. */
  static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
