package dev.junction.signaling;

import java.util.Optional;

/** The rules every peer name and room name obeys, whatever the dialect. */
public final class Names {

  /** Longest peer name accepted, in UTF-16 code units. */
  public static final int MAX_PEER_NAME = 64;

  private static final java.util.regex.Pattern ROOM_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Names() {}

  /** Returns why {@code name} is not a valid peer name, or empty when it is. */
  public static Optional<String> peerNameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("a name must not be empty");
    }
    if (name.length() > MAX_PEER_NAME) {
      return Optional.of("a name must be at most " + MAX_PEER_NAME + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("a name must not contain control characters");
    }
    return Optional.empty();
  }

  /** Room names appear in URLs: letters, digits, {@code _} and {@code -}, 1 to 64 of them. */
  public static boolean isValidRoomName(String name) {
    return name != null && ROOM_NAME.matcher(name).matches();
  }
}
