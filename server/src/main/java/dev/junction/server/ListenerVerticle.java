package dev.junction.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One HTTP server on its own event loop. Deployed once per loop on the same port, so Vert.x
 * hands each new connection to the next instance in turn and every core serves connections; a
 * server made outside a verticle would put every connection on one loop.
 */
final class ListenerVerticle extends VerticleBase {

  private final Function<io.vertx.core.Vertx, HttpServer> newServer;
  private final Consumer<HttpServer> onListening;

  /**
   * @param newServer makes the configured (not yet listening) server on this verticle's loop
   * @param onListening receives the server once it listens
   */
  ListenerVerticle(Function<io.vertx.core.Vertx, HttpServer> newServer, Consumer<HttpServer> onListening) {
    this.newServer = newServer;
    this.onListening = onListening;
  }

  @Override
  public Future<?> start() {
    return newServer.apply(vertx).listen().onSuccess(onListening::accept);
  }
}
