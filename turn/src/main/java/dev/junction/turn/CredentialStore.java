package dev.junction.turn;

import dev.junction.stun.IntegrityKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The long-term keys a username may have signed its request with: its static password from the
 * config, or the passwords the TURN REST secrets give it (one per secret, for rotation).
 * Immutable and thread-safe.
 */
public final class CredentialStore {

  private final String realm;
  private final Map<String, IntegrityKey> staticKeys;
  private final Optional<RestCredentials> rest;

  /**
   * @param staticUsers username → password
   * @param rest the REST API secrets, when enabled
   */
  public CredentialStore(String realm, Map<String, String> staticUsers, Optional<RestCredentials> rest) {
    this.realm = realm;
    Map<String, IntegrityKey> keys = new java.util.HashMap<>();
    staticUsers.forEach((user, password) -> keys.put(user, IntegrityKey.longTerm(user, realm, password)));
    this.staticKeys = Map.copyOf(keys);
    this.rest = rest;
  }

  public String realm() {
    return realm;
  }

  /** Candidate keys for {@code username} at {@code now}; empty for an unknown or expired user. */
  public List<IntegrityKey> keysFor(String username, Instant now) {
    IntegrityKey fixed = staticKeys.get(username);
    if (fixed != null) {
      return List.of(fixed);
    }
    if (rest.isEmpty()) {
      return List.of();
    }
    List<IntegrityKey> keys = new ArrayList<>();
    rest.get().passwordsFor(username, now)
        .ifPresent(passwords -> passwords.forEach(password -> keys.add(IntegrityKey.longTerm(username, realm, password))));
    return keys;
  }

  /**
   * Whom a quota counts {@code username} as: a REST username's user id (the part after the
   * expiry), since every freshly minted credential has a new expiry; a static user as itself.
   */
  public static String quotaKey(String username) {
    int separator = username.indexOf(':');
    return RestCredentials.expiry(username).isPresent() && separator >= 0 ? username.substring(separator + 1) : username;
  }
}
