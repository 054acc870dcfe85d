package dev.junction.server.ws;

import dev.junction.signaling.CloseReason;
import dev.junction.signaling.ConnectionsPerAddress;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.Handshake;
import dev.junction.signaling.InboundGuard;
import dev.junction.signaling.RateLimits;
import dev.junction.signaling.SignalingEvents;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts signaling WebSockets for every dialect: checks each handshake (route, subprotocol,
 * per-address limit), wires accepted sockets to their dialect, keeps them alive with pings and
 * closes the silent ones, and closes them all with 1001 on shutdown.
 *
 * <p>Thread-safe: handshakes arrive on every event loop; the open-socket set is concurrent.
 */
public final class SignalingSockets {

  private static final Logger log = LoggerFactory.getLogger(SignalingSockets.class);
  /** How the sockets are limited and kept alive. */
  public record Policy(int maxMessageBytes, RateLimits rateLimits, int maxConnectionsPerAddress,
      int pingIntervalSeconds, int idleTimeoutSeconds) {}

  private final Policy policy;
  private final SignalingEvents events;
  private final ConnectionsPerAddress perAddress;
  private final Set<SignalingSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public SignalingSockets(Policy policy, SignalingEvents events) {
    this.policy = policy;
    this.events = events;
    this.perAddress = new ConnectionsPerAddress(policy.maxConnectionsPerAddress());
  }

  /**
   * Handles one handshake whose route {@code router} finds from the request path; a path it does
   * not know gets 404.
   */
  public void handshake(ServerWebSocketHandshake handshake, Function<String, Optional<DialectRoute>> router) {
    Optional<DialectRoute> route = router.apply(handshake.path());
    if (route.isEmpty()) {
      handshake.reject(404);
      return;
    }
    String dialect = route.get().dialect().name();
    if (stopping) {
      handshake.reject(503);
      return;
    }
    String required = route.get().requiredSubprotocol();
    if (required != null && !offers(handshake, required)) {
      refuseHandshake(handshake, dialect, ErrorKind.BAD_HANDSHAKE, 400);
      return;
    }
    String address = handshake.remoteAddress().hostAddress();
    if (!perAddress.tryAcquire(address)) {
      refuseHandshake(handshake, dialect, ErrorKind.CONNECTION_LIMIT, 429);
      return;
    }
    Handshake seen = new Handshake(route.get().room(), queryParameters(handshake.query()), headers(handshake));
    handshake.accept().onComplete(accepted -> {
      if (accepted.succeeded()) {
        open(accepted.result(), route.get(), address, seen);
      } else {
        perAddress.release(address);
      }
    });
  }

  private void refuseHandshake(ServerWebSocketHandshake handshake, String dialect, ErrorKind kind, int status) {
    events.error(dialect, kind);
    log.debug("refused {} handshake from {}: {} ({})", dialect, handshake.remoteAddress(), kind, status);
    handshake.reject(status);
  }

  private static boolean offers(ServerWebSocketHandshake handshake, String subprotocol) {
    return handshake.headers().getAll("Sec-WebSocket-Protocol").stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .anyMatch(offered -> offered.trim().equals(subprotocol));
  }

  /** The first value of each parameter; a dialect that identifies clients in the URI reads them. */
  private static Map<String, String> queryParameters(String query) {
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, String> first = new HashMap<>();
    new QueryStringDecoder(query, false).parameters()
        .forEach((name, values) -> first.put(name, values.get(0)));
    return first;
  }

  /** Every header, names lower-cased; a dialect that authenticates at the handshake reads them. */
  private static Map<String, List<String>> headers(ServerWebSocketHandshake handshake) {
    Map<String, List<String>> headers = new HashMap<>();
    handshake.headers().forEach(entry -> headers.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT),
        name -> new ArrayList<>()).add(entry.getValue()));
    return headers;
  }

  private void open(ServerWebSocket webSocket, DialectRoute route, String address, Handshake handshake) {
    String dialect = route.dialect().name();
    SignalingSocket socket = new SignalingSocket(webSocket, Vertx.currentContext(), address, dialect,
        new InboundGuard(policy.rateLimits(), System::nanoTime), policy.maxMessageBytes(), events);
    open.add(socket);
    events.connectionOpened(dialect);
    socket.attach(route.dialect().open(socket, handshake), () -> {
      open.remove(socket);
      perAddress.release(address);
      events.connectionClosed(dialect);
    });
    if (stopping) {
      socket.close(CloseReason.goingAway("server shutting down"));
    }
  }

  /** Pings quiet sockets and closes silent ones every few seconds until {@code vertx} closes. */
  public void startHeartbeat(Vertx vertx) {
    long pingNanos = TimeUnit.SECONDS.toNanos(policy.pingIntervalSeconds());
    long idleNanos = TimeUnit.SECONDS.toNanos(policy.idleTimeoutSeconds());
    long sweepMillis = Math.max(250, Math.min(5_000, TimeUnit.NANOSECONDS.toMillis(pingNanos) / 2));
    vertx.setPeriodic(sweepMillis, id -> {
      long now = System.nanoTime();
      open.forEach(socket -> socket.checkLiveness(now, pingNanos, idleNanos));
    });
  }

  /** Refuses new handshakes and closes every open socket with 1001. */
  public void closeAll() {
    stopping = true;
    open.forEach(socket -> socket.close(CloseReason.goingAway("server shutting down")));
  }

  /** Sockets open now. */
  public int openCount() {
    return open.size();
  }
}
