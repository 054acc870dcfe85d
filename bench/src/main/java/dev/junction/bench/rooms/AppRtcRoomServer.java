package dev.junction.bench.rooms;

import dev.junction.bench.Connector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * The HTTP half of an AppRTC client: {@code POST join/<room>} before opening Collider's
 * WebSocket, {@code POST leave/<room>/<client>} when leaving (both, one after the other, to
 * rejoin), and Collider's {@code GET status}
 * to check how many sockets the server has registered. Keep-alive connections, at most
 * {@code maxConnections} of them. Call it on an event loop (the answer completes there): the
 * response body is asked for as the response arrives, which from another thread can be too late.
 */
final class AppRtcRoomServer {

  private final HttpClient http;
  private final String host;
  private final int port;
  private final String basePath;

  /** @param baseUrl the room server URL an AppRTC client is given, e.g. {@code http://127.0.0.1:8080/apprtc} */
  AppRtcRoomServer(Vertx vertx, String baseUrl, int maxConnections) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme())) throw new IllegalArgumentException("the AppRTC URL is http://, not " + baseUrl);
    Connector.requireLoopback(uri.getHost());
    host = uri.getHost();
    port = uri.getPort() > 0 ? uri.getPort() : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
        .setConnectTimeout(10_000).setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(Math.max(1, maxConnections)));
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
    RequestOptions request = new RequestOptions().setMethod(method).setHost(host).setPort(port)
        .setURI(basePath + path).setTimeout(30_000);
    return http.request(request)
        .compose(r -> r.send(Buffer.buffer()))
        .compose(response -> response.body().compose(body -> response.statusCode() == 200
            ? Future.succeededFuture(body.toString())
            : Future.failedFuture(method + " " + path + ": HTTP " + response.statusCode() + " " + body)));
  }

  Future<Void> close() {
    return http.close();
  }
}
