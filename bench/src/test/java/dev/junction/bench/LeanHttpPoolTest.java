package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator's keep-alive HTTP connections against Vert.x's server. */
class LeanHttpPoolTest {

  private EventLoops loops;
  private HttpServer server;
  private final Set<String> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    loops = new EventLoops(1);
  }

  @AfterEach
  void stop() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    loops.close();
  }

  private InetSocketAddress serve(Handler<HttpServerRequest> handler) throws Exception {
    server = loops.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> {
          clientPorts.add(String.valueOf(request.remoteAddress().port()));
          handler.handle(request);
        })
        .listen().await(10, TimeUnit.SECONDS);
    return new InetSocketAddress("127.0.0.1", server.actualPort());
  }

  /** Runs {@code calls} on the pool's event loop and waits for all their answers. */
  private <T> List<T> onLoop(Supplier<List<Future<T>>> calls) throws Exception {
    io.vertx.core.Promise<List<T>> all = io.vertx.core.Promise.promise();
    loops.context(0).runOnContext(v -> {
      List<Future<T>> futures = calls.get();
      Future.all(futures).onComplete(ar -> {
        if (ar.failed()) all.fail(ar.cause());
        else all.complete(futures.stream().map(Future::result).toList());
      });
    });
    return all.future().await(10, TimeUnit.SECONDS);
  }

  @Test
  void requestsBeyondTheConnectionLimitWaitTheirTurnOnOneKeptAliveConnection() throws Exception {
    InetSocketAddress address = serve(r -> r.response().end(r.method() + " " + r.path()));
    LeanHttpPool[] pool = new LeanHttpPool[1];
    List<LeanHttpPool.Response> answers = onLoop(() -> {
      pool[0] = new LeanHttpPool(loops.context(0), address, 1);
      return List.of(pool[0].request("POST", "/a"), pool[0].request("POST", "/b"), pool[0].request("GET", "/c"));
    });

    assertThat(answers).extracting(LeanHttpPool.Response::body).containsExactly("POST /a", "POST /b", "GET /c");
    assertThat(answers).extracting(LeanHttpPool.Response::status).containsOnly(200);
    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void anErrorStatusIsAnAnswerWithItsBody() throws Exception {
    InetSocketAddress address = serve(r -> r.response().setStatusCode(404).end("{\"result\":\"UNKNOWN_ROOM\"}"));
    List<LeanHttpPool.Response> answers = onLoop(() ->
        List.of(new LeanHttpPool(loops.context(0), address, 2).request("POST", "/leave/r/1")));
    assertThat(answers).containsExactly(new LeanHttpPool.Response(404, "{\"result\":\"UNKNOWN_ROOM\"}"));
  }

  @Test
  void anAnswerWithoutContentLengthFailsTheRequest() throws Exception {
    InetSocketAddress address = serve(r -> r.response().setChunked(true).end("chunks"));
    assertThatThrownBy(() -> onLoop(() -> List.of(new LeanHttpPool(loops.context(0), address, 1).request("GET", "/x"))))
        .hasMessageContaining("without Content-Length");
  }

  @Test
  void aConnectionClosedBeforeTheAnswerFailsTheRequest() throws Exception {
    InetSocketAddress address = serve(r -> r.connection().close());
    assertThatThrownBy(() -> onLoop(() -> List.of(new LeanHttpPool(loops.context(0), address, 1).request("GET", "/x"))))
        .hasMessageContaining("closed the connection");
  }
}
