package dev.junction.server;

import dev.junction.server.apprtc.AppRtcRoutes;
import dev.junction.server.config.AppRtcConfig;
import dev.junction.server.config.HttpConfig;
import dev.junction.server.config.JunctionConfig;
import dev.junction.server.config.PeerJsConfig;
import dev.junction.server.config.SignalingConfig;
import dev.junction.server.config.TurnConfig;
import dev.junction.server.http.IceServersEndpoint;
import dev.junction.server.http.PeerJsApi;
import dev.junction.server.http.Problem;
import dev.junction.server.http.WebApp;
import dev.junction.server.metrics.Metrics;
import dev.junction.server.metrics.SignalingMetrics;
import dev.junction.server.metrics.TurnMetrics;
import dev.junction.server.nativev1.NativeProtocol;
import dev.junction.server.gateway.GatewayMetrics;
import dev.junction.server.gateway.RunningGateway;
import dev.junction.server.turn.TurnLauncher;
import dev.junction.server.ws.DialectPaths;
import dev.junction.server.ws.DialectRoute;
import dev.junction.server.ws.SignalingSockets;
import dev.junction.signaling.RateLimits;
import dev.junction.signaling.apprtc.AppRtcDialect;
import dev.junction.signaling.apprtc.AppRtcLimits;
import dev.junction.signaling.apprtc.AppRtcRooms;
import dev.junction.signaling.mdn.MdnDialect;
import dev.junction.signaling.nativev1.NativeDialect;
import dev.junction.signaling.peerjs.PeerJsDialect;
import dev.junction.signaling.peerjs.PeerJsSettings;
import dev.junction.signaling.tutorial.TutorialDialect;
import dev.junction.turn.RestCredentials;
import dev.junction.turn.TurnServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: wires the configuration, signaling dialects, WebSocket transport, HTTP
 * routes and metrics together with plain constructors, listens, and shuts down gracefully.
 *
 * <p>Close cascade on {@link #stop()}: health turns 503 and new handshakes are refused; every
 * signaling socket gets close 1001; the HTTP listeners stop accepting and in-flight requests get
 * up to {@code http.shutdownGraceMillis} to finish; then Vert.x (event loops, timers) closes, and
 * the STUN/TURN server with every allocation.
 */
public final class JunctionServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JunctionServer.class);
  private static final long START_TIMEOUT_SECONDS = 30;
  /**
   * One event loop per core, each serving its share of the connections. Vert.x defaults to two
   * per core; with signaling's many cross-loop sends, the extra loops cost more in hand-overs
   * than they give (docs/BENCHMARKS.md).
   */
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
  /** How often AppRTC's register timeouts and roaming graces are checked. */
  private static final long APPRTC_SWEEP_MILLIS = 500;
  /** Offered on every listener (with the native protocol's); the MDN dialect requires it, the others accept it. */
  private static final String JSON_SUBPROTOCOL = "json";

  private final JunctionConfig config;
  private final Vertx vertx;
  private final Metrics metrics;
  private final SignalingMetrics events;
  private final SignalingSockets sockets;
  /** Every listening server instance, all loops and ports: each is shut down gracefully on stop. */
  private final List<HttpServer> listeners = new CopyOnWriteArrayList<>();
  private TurnServer turn;
  private RunningGateway gateway;
  private int httpPort;
  private int mdnPort = -1;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile boolean serving = true;

  private JunctionServer(JunctionConfig config, Vertx vertx) {
    this.config = config;
    this.vertx = vertx;
    this.metrics = new Metrics();
    this.events = new SignalingMetrics(metrics.registry());
    SignalingConfig signaling = config.signaling();
    this.sockets = new SignalingSockets(new SignalingSockets.Policy(signaling.maxFrameBytes(),
        new RateLimits(signaling.messagesPerSecond(), signaling.messageBurst(),
            signaling.bytesPerSecond(), signaling.byteBurst()),
        signaling.maxConnectionsPerIp(), signaling.pingIntervalSeconds(), signaling.idleTimeoutSeconds()),
        events);
  }

  /** Starts every listener and returns once they are bound; throws {@link StartException} if one cannot be. */
  public static JunctionServer start(JunctionConfig config) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(EVENT_LOOPS));
    JunctionServer server = new JunctionServer(config, vertx);
    try {
      server.listen();
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  private void listen() {
    Optional<IceServersEndpoint.BuiltIn> builtInTurn = Optional.empty();
    if (config.turn().enabled()) {
      builtInTurn = Optional.of(startTurn());
    }
    int maxRooms = config.signaling().maxRooms();
    DialectPaths paths = new DialectPaths();
    MdnDialect mdn = new MdnDialect(maxRooms, events);
    if (config.mdn().enabled()) {
      paths.add(config.mdn().path(), mdn, mdnSubprotocol());
      events.declare(mdn.name());
    }
    if (config.tutorial().enabled()) {
      TutorialDialect tutorial = new TutorialDialect(maxRooms, events);
      paths.add(config.tutorial().path(), tutorial, null);
      events.declare(tutorial.name());
    }
    Consumer<Router> dialectRoutes = config.peerjs().enabled() ? startPeerJs(paths) : router -> { };

    if (config.gateway().enabled()) {
      startGateway();
    }
    IceServersEndpoint iceServers = new IceServersEndpoint(config.ice(), builtInTurn);
    List<Consumer<Router>> apis = new ArrayList<>(List.of(dialectRoutes));
    if (config.apprtc().enabled()) {
      apis.add(startAppRtc(paths, iceServers)::mount);
    }
    if (gateway != null) {
      apis.add(gateway::mount);
    }
    if (config.nativeProtocol().enabled()) {
      apis.add(NativeProtocol.start(config.nativeProtocol(), config.signaling().maxFrameBytes(), maxRooms, vertx,
          events, paths));
      events.declare(NativeDialect.NAME);
    }
    httpPort = listenOnEveryLoop("HTTP", config.http().port(), (loopVertx, port) ->
        loopVertx.createHttpServer(listenerOptions(port))
            .requestHandler(WebApp.router(loopVertx, metrics, iceServers, apis, () -> serving))
            .webSocketHandshakeHandler(handshake -> sockets.handshake(handshake, paths::match)));

    if (config.mdn().enabled() && config.mdn().ownListener()) {
      // The MDN client hard-codes ws(s)://<page host>:6503 with any path, and gets 404 for plain HTTP.
      DialectRoute anyPath = new DialectRoute(mdn, null, mdnSubprotocol());
      mdnPort = listenOnEveryLoop("MDN chat", config.mdn().port(), (loopVertx, port) ->
          loopVertx.createHttpServer(listenerOptions(port))
              .requestHandler(request -> Problem.send(request.response(), 404, "Not Found",
                  "this port only accepts MDN chat WebSockets", request.path()))
              .webSocketHandshakeHandler(handshake -> sockets.handshake(handshake, path -> Optional.of(anyPath))));
    }
    sockets.startHeartbeat(vertx);
    log.info("Junction listening: {}", String.join(", ", urls()));
  }

  /**
   * Serves the PeerJS dialect at its WebSocket path and returns its HTTP routes. A timer sweeps
   * it every {@code peerjs.cleanupIntervalMillis} on one event loop: held messages expire and
   * silent peers are dropped. Its HEARTBEAT-only liveness
   * and the sockets' idle timeout do not fight: a HEARTBEAT is traffic to the socket, and a
   * client that answers pings but never sends HEARTBEAT is dropped here, as peerjs-server does.
   */
  private Consumer<Router> startPeerJs(DialectPaths paths) {
    PeerJsConfig settings = config.peerjs();
    PeerJsDialect peerJs = new PeerJsDialect(new PeerJsSettings(settings.key(), settings.expireTimeoutMillis(),
        settings.aliveTimeoutMillis(), settings.concurrentLimit(), settings.maxQueuedPerPeer()), events, System::nanoTime);
    vertx.setPeriodic(settings.cleanupIntervalMillis(), id -> peerJs.sweep());
    events.declare(peerJs.name());
    paths.addExact(settings.webSocketPath(), peerJs);
    return new PeerJsApi(peerJs, settings)::mount;
  }

  /** AppRTC: Collider's socket among the dialect paths, its deadlines swept; returns its HTTP routes. */
  private AppRtcRoutes startAppRtc(DialectPaths paths, IceServersEndpoint iceServers) {
    AppRtcConfig settings = config.apprtc();
    AppRtcDialect dialect = new AppRtcDialect(new AppRtcLimits(Duration.ofSeconds(settings.registerTimeoutSeconds()),
        Duration.ofSeconds(settings.roamingGraceSeconds()), settings.maxQueuedMessages(), settings.maxQueuedBytes(),
        config.signaling().maxRooms()), System::nanoTime, AppRtcRooms.randomClientIds(), events);
    AppRtcRoutes routes = new AppRtcRoutes(dialect, settings, iceServers, config.signaling().maxFrameBytes());
    paths.addExact(routes.colliderSocketPath(), dialect);
    events.declare(dialect.name());
    vertx.setPeriodic(APPRTC_SWEEP_MILLIS, id -> dialect.sweep());
    return routes;
  }

  /** Starts the STUN/TURN server; returns how browsers are told to reach it. */
  private IceServersEndpoint.BuiltIn startTurn() {
    TurnConfig settings = config.turn();
    RestCredentials credentials = TurnLauncher.restCredentials(settings);
    try {
      turn = TurnLauncher.start(settings, config.http(), credentials, new TurnMetrics(metrics.registry()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartException("interrupted while starting STUN/TURN", e);
    } catch (RuntimeException e) {
      throw new StartException("cannot start STUN/TURN on " + settings.listenHost() + ":" + settings.port() + ": "
          + e.getMessage(), e);
    }
    TurnMetrics.bindGauges(metrics.registry(), () -> turn);
    String host = settings.externalAddress().isBlank() ? "" : settings.externalAddress();
    return new IceServersEndpoint.BuiltIn(credentials, host, turn.udpPort(), turn.tlsPort(),
        Duration.ofSeconds(settings.credentialTtlSeconds()));
  }

  /** Starts the camera gateway: its media port and one feed per camera. */
  private void startGateway() {
    try {
      gateway = RunningGateway.start(config.gateway());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartException("interrupted while starting the camera gateway", e);
    } catch (RuntimeException e) {
      throw new StartException("cannot start the camera gateway: " + e.getMessage(), e);
    }
    GatewayMetrics.bind(metrics.registry(), gateway);
  }

  private String mdnSubprotocol() {
    return config.mdn().requireJsonSubprotocol() ? JSON_SUBPROTOCOL : null;
  }

  private HttpServerOptions listenerOptions(int port) {
    HttpConfig http = config.http();
    int maxFrame = config.signaling().maxFrameBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(http.host())
        .setPort(port)
        .setWebSocketSubProtocols(List.of(JSON_SUBPROTOCOL, NativeDialect.SUBPROTOCOL))
        .setMaxWebSocketFrameSize(maxFrame)
        .setMaxWebSocketMessageSize(maxFrame)
        // Signaling messages are small and many: deflating each costs more CPU than it saves.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true);
    if (http.tls().enabled()) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(http.tls().certFile())
          .setKeyPath(http.tls().keyFile()));
    }
    return options;
  }

  /**
   * Deploys one server per event loop on {@code port} and returns the port bound. Vert.x shares
   * one socket among servers asking for the same host and port, but gives each its own when they
   * ask for port 0: so port 0 (tests) is first resolved to a free port, then used by all.
   */
  private int listenOnEveryLoop(String what, int port, BiFunction<Vertx, Integer, HttpServer> newServer) {
    List<HttpServer> bound = new CopyOnWriteArrayList<>();
    deploy(what, port == 0 ? freePort(config.http().host()) : port, EVENT_LOOPS, newServer, bound);
    listeners.addAll(bound);
    int actual = bound.get(0).actualPort();
    if (bound.stream().anyMatch(server -> server.actualPort() != actual)) {
      throw new StartException("the " + what + " listeners did not share one port", null);
    }
    return actual;
  }

  private static int freePort(String host) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new StartException("cannot find a free port on " + host + ": " + e.getMessage(), e);
    }
  }

  private void deploy(String what, int port, int instances, BiFunction<Vertx, Integer, HttpServer> newServer,
      List<HttpServer> bound) {
    try {
      vertx.deployVerticle(() -> new ListenerVerticle(loopVertx -> newServer.apply(loopVertx, port), bound::add),
              new DeploymentOptions().setInstances(instances))
          .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StartException("cannot listen for " + what + " on " + config.http().host() + ":" + port
          + ": " + cause.getMessage(), cause);
    }
  }

  /** The port of the main HTTP listener (useful when configured as 0). */
  public int httpPort() {
    return httpPort;
  }

  /** The STUN/TURN UDP and TCP port, or -1 when TURN is off. */
  public int turnPort() {
    return turn == null ? -1 : turn.udpPort();
  }

  /** The TURN-over-TLS port, or -1 when TURN or TLS is off. */
  public int turnTlsPort() {
    return turn == null ? -1 : turn.tlsPort();
  }

  /** The gateway's UDP media port, or -1 when the gateway is off. */
  public int mediaPort() {
    return gateway == null ? -1 : gateway.mediaPort();
  }

  /** The running camera gateway, if on. */
  public Optional<RunningGateway> gateway() {
    return Optional.ofNullable(gateway);
  }

  /** The port of the MDN chat listener, or -1 when it is off. */
  public int mdnPort() {
    return mdnPort;
  }

  /** The pages a person should open, and the signaling endpoints. */
  public List<String> urls() {
    boolean tls = config.http().tls().enabled();
    String base = (tls ? "https" : "http") + "://localhost:" + httpPort();
    String ws = (tls ? "wss" : "ws") + "://localhost:" + httpPort();
    List<String> urls = new ArrayList<>(List.of(base + "/", base + "/chat/"));
    if (config.nativeProtocol().enabled()) {
      // The apps by link speak the native protocol.
      urls.add(base + "/room/");
      urls.add(base + "/share/");
    }
    if (gateway != null) {
      urls.add(base + "/camera/");
    }
    if (config.mdn().enabled()) {
      urls.add(ws + config.mdn().path());
    }
    if (config.tutorial().enabled()) {
      urls.add(ws + config.tutorial().path());
    }
    if (config.peerjs().enabled()) {
      urls.add(ws + config.peerjs().webSocketPath());
    }
    if (config.apprtc().enabled()) {
      urls.add(base + config.apprtc().basePath());
    }
    if (config.nativeProtocol().enabled()) {
      urls.add(ws + config.nativeProtocol().path());
    }
    if (mdnPort() > 0) {
      urls.add((tls ? "wss" : "ws") + "://localhost:" + mdnPort() + "/");
    }
    if (turn != null) {
      urls.add("turn:localhost:" + turn.udpPort());
      if (turn.tlsPort() > 0) {
        urls.add("turns:localhost:" + turn.tlsPort());
      }
    }
    return urls;
  }

  /** Signaling sockets open now. */
  public int openSockets() {
    return sockets.openCount();
  }

  /** Graceful shutdown (see the class comment); returns when done, idempotent. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    serving = false;
    long graceMillis = config.http().shutdownGraceMillis();
    sockets.closeAll();
    List<Future<Void>> shutdowns = new ArrayList<>();
    for (HttpServer listener : listeners) {
      shutdowns.add(listener.shutdown(Duration.ofMillis(graceMillis)));
    }
    await(Future.join(shutdowns), graceMillis + 500);
    await(vertx.close(), 2_000);
    if (gateway != null) {
      gateway.close();
    }
    if (turn != null) {
      turn.close();
    }
    metrics.close();
    log.info("Junction stopped");
  }

  @Override
  public void close() {
    stop();
  }

  private static void await(Future<?> future, long timeoutMillis) {
    try {
      future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("shutdown step did not finish cleanly: {}", e.toString());
    }
  }

  /** A listener could not be started; the message names the address and the cause. */
  public static final class StartException extends RuntimeException {
    StartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
