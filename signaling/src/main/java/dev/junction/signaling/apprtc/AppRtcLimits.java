package dev.junction.signaling.apprtc;

import java.time.Duration;

/**
 * The timers and bounds of AppRTC rooms. Collider's own values are 10 s, 10 s and 1024 messages.
 *
 * @param registerTimeout how long a client that joined (or a socket that opened) may take to
 *     register its WebSocket before it is removed (or closed)
 * @param roamingGrace how long a registered client whose socket dropped keeps its place, so that it
 *     can reconnect from another network
 * @param maxQueuedMessages messages one client may have waiting in its mailbox or its queue
 * @param maxQueuedBytes bytes of text one client may have waiting in its mailbox or its queue
 * @param maxRooms rooms that may exist at once (clients choose room names)
 */
public record AppRtcLimits(
    Duration registerTimeout, Duration roamingGrace, int maxQueuedMessages, int maxQueuedBytes, int maxRooms) {

  /** Collider's timers and queue cap; 256 KiB of queued text per client; 10,000 rooms. */
  public static final AppRtcLimits COLLIDER =
      new AppRtcLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 1024, 256 * 1024, 10_000);

  public AppRtcLimits {
    if (registerTimeout.isNegative() || registerTimeout.isZero()) {
      throw new IllegalArgumentException("registerTimeout must be > 0, got " + registerTimeout);
    }
    if (roamingGrace.isNegative() || roamingGrace.isZero()) {
      throw new IllegalArgumentException("roamingGrace must be > 0, got " + roamingGrace);
    }
    requirePositive("maxQueuedMessages", maxQueuedMessages);
    requirePositive("maxQueuedBytes", maxQueuedBytes);
    requirePositive("maxRooms", maxRooms);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
