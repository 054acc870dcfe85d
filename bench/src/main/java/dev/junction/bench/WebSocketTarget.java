package dev.junction.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where {@link LeanWebSocket}s connect: a loopback {@code ws://} URL, with the upgrade request
 * every connection sends written once.
 *
 * <p>Every connection offers the same {@code Sec-WebSocket-Key}, RFC 6455's own example, and
 * checks the server's answer against the example's accept value: a server must answer it
 * correctly whatever the key, and nothing in the handshake depends on its being fresh except the
 * protection against caching proxies, which loopback has none of.
 */
public final class WebSocketTarget {

  static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
  static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  final InetSocketAddress address;
  /** The request target of the upgrade: the URL's path and query. */
  final String pathAndQuery;
  final byte[] upgradeRequest;

  private WebSocketTarget(InetSocketAddress address, String pathAndQuery, byte[] upgradeRequest) {
    this.address = address;
    this.pathAndQuery = pathAndQuery;
    this.upgradeRequest = upgradeRequest;
  }

  /** {@code url}: {@code ws://<loopback>:<port>/path?query}; {@code subProtocols} offered, none when empty. */
  public static WebSocketTarget of(String url, List<String> subProtocols) {
    URI uri = URI.create(url);
    if (!"ws".equals(uri.getScheme())) throw new IllegalArgumentException("only ws:// URLs: " + url);
    Connector.requireLoopback(uri.getHost());
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
    StringBuilder request = new StringBuilder()
        .append("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
        .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
        .append("Sec-WebSocket-Key: ").append(KEY).append("\r\nSec-WebSocket-Version: 13\r\n");
    if (!subProtocols.isEmpty()) {
      request.append("Sec-WebSocket-Protocol: ").append(String.join(", ", subProtocols)).append("\r\n");
    }
    request.append("\r\n");
    return new WebSocketTarget(new InetSocketAddress(uri.getHost(), port), path,
        request.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
