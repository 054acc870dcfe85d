package dev.junction.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Vert.x instance and one context per event-loop thread, so work can be pinned to a loop. */
public final class EventLoops implements AutoCloseable {

  public final Vertx vertx;
  final List<Context> contexts;

  public EventLoops(int threads) throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads).setPreferNativeTransport(true));
    List<Context> found = Collections.synchronizedList(new ArrayList<>());
    // one deployable instance per event loop: each is started on its own loop's context
    vertx.deployVerticle(() -> (Deployable) ctx -> {
          found.add(ctx);
          return Future.succeededFuture();
        }, new DeploymentOptions().setInstances(threads))
        .await(30, TimeUnit.SECONDS);
    contexts = List.copyOf(found);
  }

  public Context context(int i) {
    return contexts.get(Math.floorMod(i, contexts.size()));
  }

  public int size() {
    return contexts.size();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
