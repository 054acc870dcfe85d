package dev.junction.server.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Serves test pages from one classpath folder on a free loopback port, apart from Junction: pages
 * that only tests need stay out of the production web app, and a page from another origin is
 * also what a real PeerJS deployment often is. The JDK's own HTTP server; GET only.
 */
final class TestPages implements AutoCloseable {

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8");

  private final String folder;
  private final HttpServer server;

  /** @param folder a classpath folder, like {@code /peerjs} */
  TestPages(String folder) {
    this.folder = folder;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::serve);
    server.start();
  }

  /** {@code http://localhost:<port>/<file>}: localhost, so the page may use the camera. */
  String url(String file) {
    return "http://localhost:" + server.getAddress().getPort() + "/" + file;
  }

  private void serve(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring(1);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    try (exchange; InputStream file = name.contains("/") || !TYPES.containsKey(extension)
        ? null : TestPages.class.getResourceAsStream(folder + "/" + name)) {
      if (file == null || !exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = file.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension));
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
