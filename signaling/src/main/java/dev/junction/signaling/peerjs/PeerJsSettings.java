package dev.junction.signaling.peerjs;

import java.util.Objects;

/**
 * The knobs of the PeerJS dialect, named after peerjs-server's options.
 *
 * @param key the API key clients must present ({@code key}); peerjs-server's default is {@code peerjs}
 * @param expireTimeoutMillis how long messages for a peer that is not connected are kept before
 *     their senders get {@code EXPIRE} ({@code expire_timeout})
 * @param aliveTimeoutMillis a peer that sends no {@code HEARTBEAT} for this long is disconnected
 *     ({@code alive_timeout})
 * @param concurrentLimit peers registered at once ({@code concurrent_limit})
 * @param maxQueuedPerPeer messages held for one absent peer; peerjs-server has no bound, so one
 *     sender could grow a queue without limit until it expires
 */
public record PeerJsSettings(
    String key, long expireTimeoutMillis, long aliveTimeoutMillis, int concurrentLimit, int maxQueuedPerPeer) {

  public PeerJsSettings {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    requirePositive("expireTimeoutMillis", expireTimeoutMillis);
    requirePositive("aliveTimeoutMillis", aliveTimeoutMillis);
    requirePositive("concurrentLimit", concurrentLimit);
    requirePositive("maxQueuedPerPeer", maxQueuedPerPeer);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
