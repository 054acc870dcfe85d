package dev.junction.server.gateway;

import dev.junction.gateway.GatewayRoutes;
import dev.junction.gateway.auth.GatewayUser;
import dev.junction.gateway.auth.PasswordHashes;
import dev.junction.gateway.auth.TokenService;
import dev.junction.gateway.camera.Camera;
import dev.junction.gateway.camera.CameraCatalog;
import dev.junction.gateway.session.ViewerSessions;
import dev.junction.gateway.stream.CameraFeed;
import dev.junction.gateway.stream.CameraFeeds;
import dev.junction.gateway.stream.Clip;
import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.h264.H264ParseException;
import dev.junction.media.peer.PeerConnectionFactory;
import dev.junction.media.port.MediaPort;
import dev.junction.server.config.GatewayConfig;
import dev.junction.server.secrets.SecretFile;
import dev.junction.server.tls.MachineNames;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera gateway assembled from its configuration and running: the media port, one feed per
 * camera, the users and token service, the viewer sessions and their HTTP routes. Built by
 * {@link #start}; {@link #close} ends every session and releases the port.
 */
public final class RunningGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunningGateway.class);
  /** The bundled clip a camera with {@code source: demo} plays. */
  static final String DEMO_SOURCE = "demo";
  private static final String DEMO_RESOURCE = "/demo/demo-camera.h264";
  /** Viewers' certificates are checked against their SDP; ours only needs to outlive the process. */
  private static final Duration DTLS_CERTIFICATE_VALIDITY = Duration.ofDays(30);

  private final GatewayConfig config;
  private final MediaPort port;
  private final CameraFeeds feeds;
  private final ViewerSessions sessions;
  private final GatewayRoutes routes;
  private final String devUser;
  private final String devPassword;

  private RunningGateway(GatewayConfig config, MediaPort port, CameraFeeds feeds, ViewerSessions sessions,
      GatewayRoutes routes, String devUser, String devPassword) {
    this.config = config;
    this.port = port;
    this.feeds = feeds;
    this.sessions = sessions;
    this.routes = routes;
    this.devUser = devUser;
    this.devPassword = devPassword;
  }

  /**
   * Loads the cameras' clips, binds the media port and starts every feed.
   *
   * @throws IllegalStateException with a message naming the camera or file when something is wrong
   */
  public static RunningGateway start(GatewayConfig config) throws InterruptedException {
    List<Camera> cameras = new ArrayList<>();
    List<Clip> clips = new ArrayList<>();
    for (GatewayConfig.CameraEntry entry : config.cameras()) {
      cameras.add(new Camera(entry.id(), entry.name(), entry.source()));
      clips.add(loadClip(entry));
    }
    Map<String, GatewayUser> users = users(config);
    String devPassword = null;
    if (config.devUser().enabled()) {
      devPassword = config.devUser().password().isEmpty()
          ? SecretFile.readOrCreate(Path.of(config.devUser().passwordFile()), "gateway development password", 12, 12)
          : config.devUser().password();
      users.put(config.devUser().username(),
          new GatewayUser(config.devUser().username(), PasswordHashes.hash(devPassword), Set.of("*")));
    }
    byte[] tokenKey = SecretFile.readOrCreate(Path.of(config.tokens().keyFile()), "gateway token key", 32, 32)
        .getBytes(StandardCharsets.UTF_8);
    TokenService tokens = new TokenService(tokenKey, Duration.ofSeconds(config.tokens().accessTokenSeconds()),
        Duration.ofSeconds(config.tokens().refreshTokenSeconds()), Clock.systemUTC());

    GatewayConfig.Media media = config.media();
    MediaPort port = MediaPort.bind(new MediaPort.Options(media.host(), media.port(),
        Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(media.consentTimeoutSeconds()),
        media.handshakeThreads()));
    try {
      List<CameraFeed> started = new ArrayList<>();
      for (int i = 0; i < cameras.size(); i++) {
        started.add(CameraFeed.start(cameras.get(i), clips.get(i), config.cameras().get(i).framesPerSecond(),
            port.nextLoop(), config.gopCache()));
      }
      CameraFeeds feeds = new CameraFeeds(started);
      PeerConnectionFactory peers = new PeerConnectionFactory(port, DtlsIdentity.generate(DTLS_CERTIFICATE_VALIDITY),
          announcedAddresses(media));
      ViewerSessions sessions = new ViewerSessions(peers, new ViewerSessions.Limits(config.maxSessions(),
          config.maxSessionsPerUser(), config.sessionsPerMinutePerUser(),
          Duration.ofSeconds(config.answerTimeoutSeconds())), System::nanoTime);
      port.nextLoop().scheduleAtFixedRate(sessions::expireUnanswered, 1, 1, TimeUnit.SECONDS);
      GatewayRoutes routes = new GatewayRoutes(config.basePath(), users, tokens, new CameraCatalog(cameras), feeds,
          sessions, new GatewayRoutes.Cors(config.cors().allowedOrigins(), config.cors().allowAnyOrigin()));
      if (config.cors().allowAnyOrigin()) {
        log.warn("gateway.cors.allowAnyOrigin is on: any web site may call the camera API; development only");
      }
      log.info("camera gateway: {} camera(s), media on udp {}, candidates {}", cameras.size(), port.port(),
          peers.announcedAddresses().stream().map(InetAddress::getHostAddress).toList());
      return new RunningGateway(config, port, feeds, sessions, routes,
          config.devUser().enabled() ? config.devUser().username() : null, devPassword);
    } catch (RuntimeException e) {
      port.close();
      throw e;
    }
  }

  /** Adds the gateway's routes. */
  public void mount(Router router) {
    routes.mount(router);
  }

  public int mediaPort() {
    return port.port();
  }

  public ViewerSessions sessions() {
    return sessions;
  }

  public MediaPort port() {
    return port;
  }

  /** The development user's name and password, for the start-up banner; null when it is off. */
  public String devUserLine() {
    return devUser == null ? null : "camera gateway user: " + devUser + " / " + devPassword;
  }

  /** The first camera's id, for the viewer's link in the banner. */
  public String firstCameraId() {
    return config.cameras().isEmpty() ? null : config.cameras().get(0).id();
  }

  @Override
  public void close() {
    sessions.closeAll();
    feeds.close();
    port.close();
  }

  private static Clip loadClip(GatewayConfig.CameraEntry entry) {
    try {
      byte[] annexB;
      if (DEMO_SOURCE.equals(entry.source())) {
        try (InputStream in = RunningGateway.class.getResourceAsStream(DEMO_RESOURCE)) {
          if (in == null) {
            throw new IllegalStateException("the bundled demo clip " + DEMO_RESOURCE + " is missing from the jar");
          }
          annexB = in.readAllBytes();
        }
      } else {
        annexB = Files.readAllBytes(Path.of(entry.source()));
      }
      return Clip.parse(annexB);
    } catch (IOException e) {
      throw new IllegalStateException("camera '" + entry.name() + "': cannot read " + entry.source() + ": "
          + e.getMessage(), e);
    } catch (H264ParseException e) {
      throw new IllegalStateException("camera '" + entry.name() + "': " + entry.source()
          + " is not a usable H.264 Annex B stream: " + e.getMessage(), e);
    }
  }

  private static Map<String, GatewayUser> users(GatewayConfig config) {
    Map<String, GatewayUser> users = new LinkedHashMap<>();
    for (GatewayConfig.UserEntry entry : config.users()) {
      users.put(entry.username(), new GatewayUser(entry.username(), entry.passwordHash(), Set.copyOf(entry.cameras())));
    }
    return users;
  }

  /** The configured addresses, or this machine's IPv4 addresses with loopback last. */
  static List<InetAddress> announcedAddresses(GatewayConfig.Media media) {
    if (!media.announcedAddresses().isEmpty()) {
      List<InetAddress> configured = new ArrayList<>();
      for (String address : media.announcedAddresses()) {
        try {
          configured.add(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
          throw new IllegalStateException("gateway.media.announcedAddresses: cannot resolve " + address, e);
        }
      }
      return configured;
    }
    List<InetAddress> own = new ArrayList<>(MachineNames.discover().addresses().stream()
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .toList());
    own.add(InetAddress.getLoopbackAddress());
    return own;
  }
}
