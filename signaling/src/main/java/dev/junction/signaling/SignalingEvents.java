package dev.junction.signaling;

/**
 * What the signaling core reports for metrics and logs. The core calls these on event loops, so
 * implementations must be fast, non-blocking and thread-safe. {@link #NONE} ignores everything.
 */
public interface SignalingEvents {

  SignalingEvents NONE = new SignalingEvents() {};

  /** A connection was accepted by {@code dialect}. */
  default void connectionOpened(String dialect) {}

  /** A connection accepted by {@code dialect} is gone. */
  default void connectionClosed(String dialect) {}

  /** A client joined a room of {@code dialect}. */
  default void roomJoined(String dialect) {}

  /** A client whose connection dropped took its session back within the grace window. */
  default void sessionResumed(String dialect) {}

  /** A message arrived and passed the transport's checks. */
  default void messageReceived(String dialect) {}

  /** A message was delivered to {@code recipients} connections (more than one for a broadcast). */
  default void messageRelayed(String dialect, int recipients) {}

  /** A message was held for a recipient that is not connected yet. */
  default void messageQueued(String dialect) {}

  /** {@code count} held messages were dropped because their recipient did not connect in time. */
  default void queuedMessagesExpired(String dialect, int count) {}

  /** A message or connection was refused for {@code kind}. */
  default void error(String dialect, ErrorKind kind) {}
}
