package dev.junction.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials as coturn's {@code use-auth-secret} makes them (the "TURN REST
 * API", draft-uberti-behave-turn-rest): username {@code <expiry unix seconds>:<user id>},
 * password {@code base64(HMAC-SHA1(secret, username))}. The web server mints them for browsers;
 * the TURN server recomputes the password from the username, so nothing is stored per user.
 *
 * <p>Several secrets may be valid at once so a secret can be rotated without cutting anyone off:
 * the first mints, all verify. Immutable and thread-safe.
 */
public final class RestCredentials {

  /** A username and password pair as {@code RTCIceServer} wants them. */
  public record Credential(String username, String password, Instant expires) {}

  private static final char SEPARATOR = ':';

  private final List<byte[]> secrets;

  public RestCredentials(List<String> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one TURN secret is needed");
    }
    List<byte[]> bytes = new ArrayList<>();
    for (String secret : secrets) {
      if (secret.length() < 16) {
        throw new IllegalArgumentException("a TURN secret must be at least 16 characters");
      }
      bytes.add(secret.getBytes(StandardCharsets.UTF_8));
    }
    this.secrets = List.copyOf(bytes);
  }

  /** A credential for {@code userId}, valid until {@code expires}, from the first secret. */
  public Credential mint(String userId, Instant expires) {
    if (userId.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("a user id must not contain ':'");
    }
    String username = expires.getEpochSecond() + (userId.isEmpty() ? "" : SEPARATOR + userId);
    return new Credential(username, password(secrets.get(0), username), expires);
  }

  /**
   * The passwords {@code username} would have under each secret, or empty when the username is
   * not of the REST form or its expiry is not after {@code now}.
   */
  public Optional<List<String>> passwordsFor(String username, Instant now) {
    Optional<Instant> expiry = expiry(username);
    if (expiry.isEmpty() || !expiry.get().isAfter(now)) {
      return Optional.empty();
    }
    List<String> passwords = new ArrayList<>(secrets.size());
    for (byte[] secret : secrets) {
      passwords.add(password(secret, username));
    }
    return Optional.of(passwords);
  }

  /** The expiry a REST username carries: the digits before the first ':' (or the whole name). */
  public static Optional<Instant> expiry(String username) {
    int separator = username.indexOf(SEPARATOR);
    String timestamp = separator < 0 ? username : username.substring(0, separator);
    if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(timestamp)));
  }

  static String password(byte[] secret, String username) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(secret, "HmacSHA1"));
      return Base64.getEncoder().encodeToString(hmac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
    }
  }
}
