package dev.junction.server.ws;

import dev.junction.signaling.Dialect;
import dev.junction.signaling.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps WebSocket paths on the main port to dialects: {@code <base>} is the dialect's lobby and
 * {@code <base>/<room>} one of its named rooms. Built once at start-up; read-only afterwards.
 */
public final class DialectPaths {

  private final Map<String, DialectRoute> byBase = new LinkedHashMap<>();
  /** Dialects without rooms in the path (PeerJS, Collider): only the path itself is theirs. */
  private final Map<String, DialectRoute> exact = new LinkedHashMap<>();

  /** Serves {@code dialect} at {@code basePath}; clients must offer {@code requiredSubprotocol} unless null. */
  public DialectPaths add(String basePath, Dialect dialect, String requiredSubprotocol) {
    String base = stripTrailingSlash(basePath);
    if (byBase.putIfAbsent(base, new DialectRoute(dialect, null, requiredSubprotocol)) != null) {
      throw new IllegalArgumentException("two dialects on one path: " + base);
    }
    return this;
  }

  /**
   * Serves {@code dialect} at exactly {@code path}, with no rooms below it ({@code <path>/<anything>}
   * is not its; its clients name rooms, if any, in messages).
   */
  public DialectPaths addExact(String path, Dialect dialect) {
    String exactPath = stripTrailingSlash(path);
    if (byBase.containsKey(exactPath) || exact.putIfAbsent(exactPath, new DialectRoute(dialect, null, null)) != null) {
      throw new IllegalArgumentException("two dialects on one path: " + path);
    }
    return this;
  }

  /** The route for {@code path}, or empty when no dialect serves it or the room name is invalid. */
  public Optional<DialectRoute> match(String path) {
    String normalized = stripTrailingSlash(path);
    DialectRoute exactRoute = exact.get(normalized);
    if (exactRoute != null) {
      return Optional.of(exactRoute);
    }
    DialectRoute lobby = byBase.get(normalized);
    if (lobby != null) {
      return Optional.of(lobby);
    }
    int slash = normalized.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String basePath = normalized.substring(0, slash);
    DialectRoute base = byBase.get(basePath);
    String room = normalized.substring(slash + 1);
    if (base == null || !Names.isValidRoomName(room)) {
      return Optional.empty();
    }
    return Optional.of(new DialectRoute(base.dialect(), room, base.requiredSubprotocol()));
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
