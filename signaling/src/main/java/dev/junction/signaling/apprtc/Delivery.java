package dev.junction.signaling.apprtc;

/** What became of a message sent through Collider. */
public enum Delivery {
  /** Written to the other client's socket. */
  DELIVERED,
  /** Kept until the other client registers (it has not joined, not registered, or is reconnecting). */
  QUEUED,
  /** Refused: the sender already has as many messages waiting as allowed. */
  QUEUE_FULL,
  /** Refused: the sender is not a client of that room (or not on that socket). */
  UNKNOWN_CLIENT
}
