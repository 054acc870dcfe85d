package dev.junction.signaling;

/** The outcome of asking a room for a name. */
public sealed interface NameClaim {

  /** The peer now has {@code name}; {@code renamed} when it differs from what was asked for. */
  record Granted(String name, boolean renamed) implements NameClaim {}

  /** Another member has the name and the room's policy is {@link NamePolicy#REJECT}. */
  record Taken(String requested) implements NameClaim {}
}
