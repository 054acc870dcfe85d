package dev.junction.bench.rooms;

import dev.junction.bench.Connector;
import dev.junction.bench.LeanHttpPool;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP half of an AppRTC client: {@code POST join/<room>} before opening Collider's
 * WebSocket, {@code POST leave/<room>/<client>} when leaving (both, one after the other, to
 * rejoin), and Collider's {@code GET status}
 * to check how many sockets the server has registered. Keep-alive connections
 * ({@link LeanHttpPool}), at most {@code maxConnections} per event loop. Call it on an event loop:
 * each loop has a pool of its own, and the answer completes there.
 */
final class AppRtcRoomServer {

  /** One pool per event loop that calls (a pool is confined to its loop). */
  private final Map<Context, LeanHttpPool> pools = new ConcurrentHashMap<>();
  private final InetSocketAddress address;
  private final int maxConnections;
  private final String host;
  private final int port;
  private final String basePath;

  /** @param baseUrl the room server URL an AppRTC client is given, e.g. {@code http://127.0.0.1:8080/apprtc} */
  AppRtcRoomServer(String baseUrl, int maxConnections) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme())) throw new IllegalArgumentException("the AppRTC URL is http://, not " + baseUrl);
    Connector.requireLoopback(uri.getHost());
    host = uri.getHost();
    port = uri.getPort() > 0 ? uri.getPort() : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    address = new InetSocketAddress(host, port);
    this.maxConnections = Math.max(1, maxConnections);
  }

  /** Collider's WebSocket on this server, which every join answer's {@code wss_url} must name. */
  String colliderUrl() {
    return "ws://" + host + ":" + port + basePath + "/collider/ws";
  }

  Future<AppRtcAnswers.Seat> join(String room) {
    return call(HttpMethod.POST, "/join/" + room).map(AppRtcAnswers::join);
  }

  Future<Void> leave(String room, String clientId) {
    return call(HttpMethod.POST, "/leave/" + room + "/" + clientId).map(body -> {
      AppRtcAnswers.leave(body);
      return null;
    });
  }

  /** How many Collider sockets are registered now. */
  Future<Integer> registeredSockets() {
    return call(HttpMethod.GET, "/collider/status").map(AppRtcAnswers::openSockets);
  }

  private Future<String> call(HttpMethod method, String path) {
    Context context = Vertx.currentContext();
    if (context == null) throw new IllegalStateException("call the room server from an event loop");
    LeanHttpPool pool = pools.computeIfAbsent(context, c -> new LeanHttpPool(c, address, maxConnections));
    return pool.request(method.name(), basePath + path).compose(response -> response.status() == 200
        ? Future.succeededFuture(response.body())
        : Future.failedFuture(method + " " + path + ": HTTP " + response.status() + " " + response.body()));
  }

  /** Closes the idle connections of every loop's pool. */
  void close() {
    pools.forEach((context, pool) -> context.runOnContext(v -> pool.close()));
  }
}
