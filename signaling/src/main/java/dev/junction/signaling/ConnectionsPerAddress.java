package dev.junction.signaling;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections per remote address and refuses one past the limit, so one host cannot
 * take every socket the server has. Thread-safe.
 */
public final class ConnectionsPerAddress {

  private final int limit;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  public ConnectionsPerAddress(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, got " + limit);
    }
    this.limit = limit;
  }

  /** Counts one more connection from {@code address}; returns false, counting nothing, when full. */
  public boolean tryAcquire(String address) {
    boolean[] acquired = {false};
    open.compute(address, (key, count) -> {
      int current = count == null ? 0 : count;
      if (current >= limit) {
        return count;
      }
      acquired[0] = true;
      return current + 1;
    });
    return acquired[0];
  }

  /** Forgets one connection from {@code address}; call once for every successful acquire. */
  public void release(String address) {
    open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
  }

  /** Open connections from {@code address} (for tests and metrics). */
  public int count(String address) {
    return open.getOrDefault(address, 0);
  }
}
