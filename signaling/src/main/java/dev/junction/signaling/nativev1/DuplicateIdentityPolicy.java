package dev.junction.signaling.nativev1;

/** What the server does when a client says hello with an identity another session holds. */
public enum DuplicateIdentityPolicy {
  /** Refuse the newcomer ({@code identity-taken}, close 4009); the holder keeps the identity. */
  REJECT,
  /** Give the newcomer the identity with the first free suffix: {@code alice} → {@code alice-2}. */
  RENAME,
  /**
   * End the holder's session (it is told {@code goodbye} with reason {@code replaced}, close 4010)
   * and welcome the newcomer: a reloaded page gets its identity back at once, as in LiveKit.
   */
  REPLACE
}
