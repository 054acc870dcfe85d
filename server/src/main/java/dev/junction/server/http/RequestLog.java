package dev.junction.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs each HTTP request once it is answered (method, redacted URI, status, duration, client) and
 * counts it by status class. Health checks and metric scrapes are counted but not logged: they
 * arrive every few seconds and would drown everything else. Signaling that travels over HTTP
 * (AppRTC's room API and Collider's POST, marked with {@link #markSignaling}) is logged at DEBUG, as
 * the same messages over a WebSocket are not logged at INFO either: they come many per call.
 * Never logs headers, so an {@code Authorization} header never reaches a log.
 */
public final class RequestLog implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger("dev.junction.http");
  private static final String SIGNALING = RequestLog.class.getName() + ".signaling";

  /** One counter per status class, 1xx to 5xx, registered once. */
  private final Counter[] byStatusClass = new Counter[6];

  public RequestLog(MeterRegistry registry) {
    for (int statusClass = 1; statusClass <= 5; statusClass++) {
      byStatusClass[statusClass] = Counter.builder("junction.http.requests")
          .description("HTTP requests answered, by status class")
          .tag("status", statusClass + "xx")
          .register(registry);
    }
  }

  @Override
  public void handle(RoutingContext context) {
    long start = System.nanoTime();
    context.addEndHandler(ignored -> {
      int status = context.response().getStatusCode();
      byStatusClass[Math.max(1, Math.min(5, status / 100))].increment();
      String path = context.request().path();
      if (path.equals("/healthz") || path.equals("/metrics")) {
        return;
      }
      Level level = context.get(SIGNALING) != null ? Level.DEBUG : Level.INFO;
      if (log.isEnabledForLevel(level)) {
        log.atLevel(level).log("{} {} {} {}ms {}", context.request().method(),
            Redaction.redactUri(context.request().uri()), status, (System.nanoTime() - start) / 1_000_000,
            context.request().remoteAddress().hostAddress());
      }
    });
    context.next();
  }

  /** Marks the request as signaling traffic: counted as every request, but logged at DEBUG. */
  public static void markSignaling(RoutingContext context) {
    context.put(SIGNALING, Boolean.TRUE);
  }
}
