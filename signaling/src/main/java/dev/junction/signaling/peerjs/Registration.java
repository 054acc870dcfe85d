package dev.junction.signaling.peerjs;

import dev.junction.signaling.Connection;

/** What {@link PeerRegistry#register} made of a connecting client. */
sealed interface Registration {

  /** A new peer: it was sent {@code OPEN}, then whatever was held for it. */
  record Opened() implements Registration {}

  /**
   * The id's token matched, so this connection replaced {@code previous} (a reconnect before the
   * server saw the old socket go). As in peerjs-server no second {@code OPEN} is sent.
   */
  record TakenOver(Connection previous) implements Registration {}

  /** Another client holds the id with a different token. */
  record IdTaken() implements Registration {}

  /** {@code concurrent_limit} peers are registered already. */
  record Full() implements Registration {}
}
