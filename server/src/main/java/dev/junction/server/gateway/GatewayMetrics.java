package dev.junction.server.gateway;

import dev.junction.gateway.session.ViewerSessions;
import dev.junction.media.ice.DropReason;
import dev.junction.media.peer.ServerPeerConnection.CloseReason;
import dev.junction.media.port.PortCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The camera gateway's metrics, read from the running parts when Prometheus scrapes: live
 * sessions, how sessions ended, and the media port's datagrams.
 */
public final class GatewayMetrics {

  private GatewayMetrics() {}

  public static void bind(MeterRegistry registry, RunningGateway gateway) {
    ViewerSessions sessions = gateway.sessions();
    Gauge.builder("junction.gateway.sessions", sessions::count)
        .description("Viewer sessions open now").register(registry);
    for (CloseReason reason : CloseReason.values()) {
      FunctionCounter.builder("junction.gateway.sessions.closed", sessions, s -> s.closed(reason))
          .description("Viewer sessions ended, by why")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    FunctionCounter.builder("junction.gateway.sessions.unanswered", sessions, ViewerSessions::unanswered)
        .description("Sessions closed because no answer came in time").register(registry);
    PortCounters port = gateway.port().counters();
    FunctionCounter.builder("junction.media.datagrams.received", port, PortCounters::datagramsIn)
        .description("Datagrams read on the media port").register(registry);
    FunctionCounter.builder("junction.media.datagrams.sent", port, PortCounters::datagramsOut)
        .description("Datagrams sent from the media port").register(registry);
    FunctionCounter.builder("junction.media.bytes.sent", port, PortCounters::bytesOut)
        .description("Bytes sent from the media port").baseUnit("bytes").register(registry);
    FunctionCounter.builder("junction.media.datagrams.send.dropped", port, PortCounters::sendDropped)
        .description("Datagrams dropped because the media port's socket queue was full").register(registry);
    for (DropReason reason : DropReason.values()) {
      FunctionCounter.builder("junction.media.datagrams.dropped", port, p -> p.dropped(reason))
          .description("Datagrams the media port dropped unanswered, by why")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
