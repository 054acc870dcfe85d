package dev.junction.server.config;

/**
 * Google's AppRTC: its room server API and a Collider-compatible WebSocket relay.
 *
 * @param enabled serve the dialect at all
 * @param path where the room server API is mounted ({@code <path>/join/<room>}, …); Collider is
 *     at {@code <path>/collider}
 * @param registerTimeoutSeconds how long a client that joined (or a Collider socket that opened) may
 *     take to register before it is removed (or closed); Collider's is 10
 * @param roamingGraceSeconds how long a registered client whose socket dropped keeps its place; Collider's is 10
 * @param maxQueuedMessages messages one client may have waiting in its mailbox or Collider queue; Collider's is 1024
 * @param maxQueuedBytes characters of text one client may have waiting in its mailbox or Collider queue
 * @param iceServersInPcConfig put the ICE servers in the join answer's {@code pc_config}; when false
 *     clients fetch them from {@code ice_server_url}, as the AppRTC Android app must for TURN
 */
public record AppRtcConfig(
    boolean enabled,
    String path,
    int registerTimeoutSeconds,
    int roamingGraceSeconds,
    int maxQueuedMessages,
    int maxQueuedBytes,
    boolean iceServersInPcConfig) {

  /** {@link #path} without a trailing slash: empty when mounted at the root. */
  public String basePath() {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
