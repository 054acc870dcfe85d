package dev.junction.signaling.nativev1;

import dev.junction.signaling.CloseReason;

/**
 * Why the server closes a welcomed client's connection: told in a {@code goodbye} frame before
 * the close, with whether the client should resume its session (LiveKit's leave action).
 */
enum Goodbye {
  /** The client said {@code bye}: its session is over. */
  BYE("bye", false, new CloseReason(1000, "bye")),
  /** Its client was too far behind: too many frames waiting for acknowledgement. */
  OVERFLOW("overflow", false, new CloseReason(4008, "too many frames waiting for acknowledgement")),
  /** A newer hello with the same identity took over ({@link DuplicateIdentityPolicy#REPLACE}). */
  REPLACED("replaced", false, new CloseReason(4010, "replaced by a newer session with the same identity")),
  /** An administrator removed the client. */
  KICKED("kicked", false, new CloseReason(4011, "removed by an administrator")),
  /** The server asks the client to reconnect and resume (an administrator, or a node draining). */
  RECONNECT("reconnect", true, new CloseReason(4012, "reconnect and resume the session")),
  /** The session was resumed on another connection; this one speaks for nobody now. */
  RESUMED_ELSEWHERE("resumed-elsewhere", false, new CloseReason(4013, "the session was resumed elsewhere"));

  private final String reason;
  private final boolean resume;
  private final CloseReason close;

  Goodbye(String reason, boolean resume, CloseReason close) {
    this.reason = reason;
    this.resume = resume;
    this.close = close;
  }

  String reason() {
    return reason;
  }

  boolean resume() {
    return resume;
  }

  CloseReason close() {
    return close;
  }
}
