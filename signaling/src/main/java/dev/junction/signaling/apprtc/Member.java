package dev.junction.signaling.apprtc;

import dev.junction.signaling.Connection;

/**
 * One client of an AppRTC room: what the room server and Collider know of it. Guarded by the lock
 * of its room.
 */
final class Member {

  /** No deadline: the client is registered and stays until it leaves. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  final String clientId;
  /** The first client in the room makes the offer; the other becomes it when the first leaves. */
  boolean initiator;
  /** Messages posted to the room server while this client was alone: the next joiner's start. */
  final MessageQueue mailbox;
  /** Messages for the other client sent while it had no registered socket: flushed when it registers. */
  final MessageQueue queue;
  /** The registered WebSocket, or null before registering and while reconnecting. */
  Connection connection;
  /** When, on the injected clock, the client is removed unless it registers first. */
  long deadline;

  Member(String clientId, boolean initiator, AppRtcLimits limits, long deadline) {
    this.clientId = clientId;
    this.initiator = initiator;
    this.mailbox = new MessageQueue(limits.maxQueuedMessages(), limits.maxQueuedBytes());
    this.queue = new MessageQueue(limits.maxQueuedMessages(), limits.maxQueuedBytes());
    this.deadline = deadline;
  }
}
