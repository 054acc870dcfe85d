package dev.junction.signaling;

/** What a room does when a peer asks for a name another member already has. */
public enum NamePolicy {
  /** Refuse the name; the peer keeps no name (the tutorial dialect's {@code success:false}). */
  REJECT,
  /**
   * Grant the name with a number appended, taken from one counter per room that starts at 1 and
   * is never reset: {@code bob} → {@code bob1}, then any other clash → {@code …2} (MDN's rule).
   */
  RENAME
}
