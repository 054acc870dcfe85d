package dev.junction.server.config;

/**
 * The PeerJS dialect: a server the unmodified {@code peerjs} client connects to with {@code
 * new Peer(id, {host, port, path, key})}. The knobs are peerjs-server's, in camelCase.
 *
 * @param enabled serve the dialect at all
 * @param path the client's {@code path}: WebSocket at {@code <path>/peerjs}, HTTP API at {@code <path>/<key>/…}
 * @param key the client's {@code key} ({@code key})
 * @param expireTimeoutMillis messages for a peer not connected are held this long, then their
 *     senders get {@code EXPIRE} ({@code expire_timeout})
 * @param aliveTimeoutMillis a peer that sends no {@code HEARTBEAT} for this long is disconnected ({@code alive_timeout})
 * @param concurrentLimit peers connected at once ({@code concurrent_limit})
 * @param allowDiscovery {@code GET <path>/<key>/peers} lists every peer id; 401 when false ({@code allow_discovery})
 * @param cleanupIntervalMillis how often held messages and silent peers are checked ({@code cleanup_out_msgs})
 * @param maxQueuedPerPeer messages held for one peer not connected; more are refused with {@code EXPIRE}
 */
public record PeerJsConfig(
    boolean enabled,
    String path,
    String key,
    int expireTimeoutMillis,
    int aliveTimeoutMillis,
    int concurrentLimit,
    boolean allowDiscovery,
    int cleanupIntervalMillis,
    int maxQueuedPerPeer) {

  /** Where the client opens its WebSocket: {@code <path>/peerjs}, as peerjs-server derives it. */
  public String webSocketPath() {
    return (path.endsWith("/") ? path : path + "/") + "peerjs";
  }
}
