package dev.junction.turn;

/**
 * What the STUN/TURN server reports for metrics and logs. Called on event loops: implementations
 * must be fast and thread-safe. Labels stay bounded (no usernames). {@link #NONE} ignores all.
 */
public interface TurnEvents {

  TurnEvents NONE = new TurnEvents() {};

  /** Why a request or packet was refused or dropped: the {@code reason} metric label. */
  enum Rejection {
    BAD_REQUEST, UNAUTHENTICATED, STALE_NONCE, WRONG_CREDENTIALS, ALLOCATION_MISMATCH,
    UNSUPPORTED_TRANSPORT, ADDRESS_FAMILY, FORBIDDEN_PEER, QUOTA, CAPACITY, UNKNOWN_ATTRIBUTE,
    NO_PERMISSION, NO_CHANNEL, BANDWIDTH, RATE_LIMITED, MALFORMED
  }

  default void allocationCreated() {}

  default void allocationClosed() {}

  default void permissionCreated() {}

  default void channelBound() {}

  /** A Binding request was answered. */
  default void bindingAnswered() {}

  /** One datagram relayed from the client to a peer. */
  default void relayedToPeer(int bytes) {}

  /** One datagram relayed from a peer to the client. */
  default void relayedToClient(int bytes) {}

  /** A MESSAGE-INTEGRITY that did not verify, or an unknown user. */
  default void authFailed() {}

  default void rejected(Rejection reason) {}
}
