package dev.junction.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens WebSocket connections to one loopback URL with the {@code json} subprotocol. With
 * {@code localAddresses > 0} it binds client sockets round-robin to 127.0.0.2, 127.0.0.3, ... so
 * that tens of thousands of connections do not run out of ephemeral ports on one source address.
 */
public final class Connector {

  private final List<WebSocketClient> clients = new ArrayList<>();
  private final WebSocketConnectOptions connectOptions;

  Connector(Vertx vertx, String url, int localAddresses, int maxConnections) {
    this(vertx, url, localAddresses, maxConnections, List.of("json"));
  }

  /** As above, offering {@code subProtocols} (none when empty) instead of {@code json}. */
  public Connector(Vertx vertx, String url, int localAddresses, int maxConnections, List<String> subProtocols) {
    WebSocketTarget target = WebSocketTarget.of(url, subProtocols);
    connectOptions = new WebSocketConnectOptions()
        .setHost(target.address.getHostString())
        .setPort(target.address.getPort())
        .setURI(target.pathAndQuery)
        .setSubProtocols(subProtocols.isEmpty() ? null : subProtocols)
        .setConnectTimeout(10_000)
        .setTimeout(30_000);
    int n = Math.max(1, localAddresses);
    for (int i = 0; i < n; i++) {
      WebSocketClientOptions o = new WebSocketClientOptions()
          .setMaxConnections(Math.max(1, maxConnections))
          .setMaxFrameSize(16 * 1024 * 1024)
          .setMaxMessageSize(64 * 1024 * 1024)
          .setTcpNoDelay(true)
          .setConnectTimeout(10_000);
      if (localAddresses > 0) o.setLocalAddress("127.0.0." + (2 + i));
      clients.add(vertx.createWebSocketClient(o));
    }
  }

  /** A fresh unconnected WebSocket for the {@code k}-th connection. */
  public ClientWebSocket newSocket(int k) {
    return clients.get(Math.floorMod(k, clients.size())).webSocket();
  }

  public WebSocketConnectOptions options() {
    return connectOptions;
  }

  /** The same target with {@code /suffix} appended to the path (a named room on Junction). */
  WebSocketConnectOptions options(String suffix) {
    String uri = connectOptions.getURI();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q);
    if (!path.endsWith("/")) path += "/";
    return new WebSocketConnectOptions(connectOptions).setURI(path + suffix + query);
  }

  public static void requireLoopback(String host) {
    try {
      if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("load is only ever sent to loopback addresses, not " + host);
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
  }
}
