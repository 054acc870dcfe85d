package dev.junction.server.config;

import dev.junction.signaling.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a bound configuration must follow. Every broken rule is reported, each naming the
 * setting, the rule and the value, so one run shows everything there is to fix.
 */
final class ConfigValidator {

  private static final int MAX_PORT = 65535;
  private static final List<String> ICE_SCHEMES = List.of("stun:", "stuns:", "turn:", "turns:");

  private final List<String> problems = new ArrayList<>();

  private ConfigValidator() {}

  static void validate(JunctionConfig config) {
    ConfigValidator validator = new ConfigValidator();
    validator.http(config.http());
    validator.signaling(config.signaling());
    validator.dialects(config.http(), config.mdn(), config.tutorial());
    validator.peerjs(config.peerjs(), config.mdn(), config.tutorial());
    validator.apprtc(config.apprtc(), config.signaling());
    validator.nativeProtocol(config.nativeProtocol(), config);
    validator.ice(config.ice());
    validator.turn(config.turn(), config.http());
    validator.gateway(config.gateway());
    if (!validator.problems.isEmpty()) {
      throw new ConfigException(String.join("; ", validator.problems));
    }
  }

  private void http(HttpConfig http) {
    if (http.host() == null || http.host().isBlank()) {
      problems.add("http.host must not be empty");
    }
    port("http.port", http.port());
    if (http.shutdownGraceMillis() < 0) {
      problems.add("http.shutdownGraceMillis must be >= 0, got " + http.shutdownGraceMillis());
    }
    tls(http.tls());
  }

  private void tls(TlsConfig tls) {
    boolean cert = isSet(tls.certFile());
    boolean key = isSet(tls.keyFile());
    if (cert != key) {
      problems.add(
          "http.tls.certFile and http.tls.keyFile must be set together, got only "
              + (cert ? "certFile" : "keyFile"));
      return;
    }
    if (cert) {
      readableFile("http.tls.certFile", tls.certFile());
      readableFile("http.tls.keyFile", tls.keyFile());
    }
  }

  private void signaling(SignalingConfig s) {
    positive("signaling.maxFrameBytes", s.maxFrameBytes());
    positive("signaling.messagesPerSecond", s.messagesPerSecond());
    positive("signaling.messageBurst", s.messageBurst());
    positive("signaling.bytesPerSecond", s.bytesPerSecond());
    positive("signaling.byteBurst", s.byteBurst());
    positive("signaling.maxConnectionsPerIp", s.maxConnectionsPerIp());
    positive("signaling.pingIntervalSeconds", s.pingIntervalSeconds());
    positive("signaling.idleTimeoutSeconds", s.idleTimeoutSeconds());
    positive("signaling.maxRooms", s.maxRooms());
    // A quiet but healthy peer answers each ping; the timeout must leave room for one round.
    if (s.idleTimeoutSeconds() <= s.pingIntervalSeconds()) {
      problems.add(
          "signaling.idleTimeoutSeconds must be > signaling.pingIntervalSeconds ("
              + s.pingIntervalSeconds() + "), got " + s.idleTimeoutSeconds());
    }
    // A byte bucket smaller than the largest frame would refuse full-size frames forever.
    if (s.byteBurst() < s.maxFrameBytes()) {
      problems.add(
          "signaling.byteBurst must be >= signaling.maxFrameBytes ("
              + s.maxFrameBytes() + "), got " + s.byteBurst());
    }
  }

  private void dialects(HttpConfig http, MdnConfig mdn, TutorialConfig tutorial) {
    path("mdn.path", mdn.path());
    port("mdn.port", mdn.port());
    path("tutorial.path", tutorial.path());
    if (mdn.enabled() && mdn.ownListener() && mdn.port() != 0 && mdn.port() == http.port()) {
      problems.add(
          "mdn.port must differ from http.port while mdn.ownListener is true, both are " + mdn.port());
    }
    if (mdn.enabled() && tutorial.enabled() && mdn.path() != null && mdn.path().equals(tutorial.path())) {
      problems.add("mdn.path and tutorial.path must differ, both are " + mdn.path());
    }
  }

  private void peerjs(PeerJsConfig peerjs, MdnConfig mdn, TutorialConfig tutorial) {
    path("peerjs.path", peerjs.path());
    if (peerjs.key() == null || peerjs.key().isEmpty()) {
      problems.add("peerjs.key must not be empty");
    }
    positive("peerjs.expireTimeoutMillis", peerjs.expireTimeoutMillis());
    positive("peerjs.aliveTimeoutMillis", peerjs.aliveTimeoutMillis());
    positive("peerjs.concurrentLimit", peerjs.concurrentLimit());
    positive("peerjs.cleanupIntervalMillis", peerjs.cleanupIntervalMillis());
    positive("peerjs.maxQueuedPerPeer", peerjs.maxQueuedPerPeer());
    if (peerjs.enabled() && peerjs.path() != null && peerjs.path().startsWith("/")) {
      String webSocket = peerjs.webSocketPath();
      if ((mdn.enabled() && webSocket.equals(mdn.path())) || (tutorial.enabled() && webSocket.equals(tutorial.path()))) {
        problems.add("peerjs.path puts the PeerJS WebSocket at " + webSocket + ", which another dialect's path already is");
      }
    }
  }

  private void apprtc(AppRtcConfig apprtc, SignalingConfig signaling) {
    path("apprtc.path", apprtc.path());
    positive("apprtc.registerTimeoutSeconds", apprtc.registerTimeoutSeconds());
    positive("apprtc.roamingGraceSeconds", apprtc.roamingGraceSeconds());
    positive("apprtc.maxQueuedMessages", apprtc.maxQueuedMessages());
    // A queue smaller than the largest message would refuse full-size messages forever.
    if (apprtc.maxQueuedBytes() < signaling.maxFrameBytes()) {
      problems.add("apprtc.maxQueuedBytes must be >= signaling.maxFrameBytes ("
          + signaling.maxFrameBytes() + "), got " + apprtc.maxQueuedBytes());
    }
  }

  private void nativeProtocol(NativeConfig n, JunctionConfig config) {
    path("native.path", n.path());
    positive("native.roomCapacity", n.roomCapacity());
    positive("native.maxRoomsPerPeer", n.maxRoomsPerPeer());
    positive("native.resumeGraceSeconds", n.resumeGraceSeconds());
    positive("native.helloTimeoutSeconds", n.helloTimeoutSeconds());
    positive("native.ackWindow", n.ackWindow());
    positive("native.queue.maxMessages", n.queue().maxMessages());
    positive("native.queue.maxBytes", n.queue().maxBytes());
    positive("native.queue.ttlSeconds", n.queue().ttlSeconds());
    if (!Names.isValidRoomName(n.lobby().name())) {
      problems.add("native.lobby.name must be a room name (1 to 64 of A-Z a-z 0-9 _ -), got \"" + n.lobby().name() + "\"");
    }
    positive("native.lobby.capacity", n.lobby().capacity());
    if (!List.of("reject", "rename", "replace").contains(n.duplicateIdentity())) {
      problems.add("native.duplicateIdentity must be reject, rename or replace, got \"" + n.duplicateIdentity() + "\"");
    }
    // A full-size message must fit the queue, or it could never wait for an absent recipient.
    if (n.queue().maxBytes() < config.signaling().maxFrameBytes()) {
      problems.add("native.queue.maxBytes must be >= signaling.maxFrameBytes (" + config.signaling().maxFrameBytes()
          + "), got " + n.queue().maxBytes());
    }
    NativeConfig.Auth auth = n.auth();
    if (!"none".equals(auth.mode()) && !"jwt".equals(auth.mode())) {
      problems.add("native.auth.mode must be none or jwt, got \"" + auth.mode() + "\"");
    }
    for (int i = 0; i < auth.hs256Secrets().size(); i++) {
      String secret = auth.hs256Secrets().get(i);
      if (secret == null || secret.length() < 32) {
        problems.add("native.auth.hs256Secrets[" + i + "] must be at least 32 characters (HS256 needs 256 bits)");
      }
    }
    if (auth.hs256Secrets().isEmpty() && !isSet(auth.secretFile())) {
      problems.add("native.auth.secretFile must not be empty while native.auth.hs256Secrets is");
    }
    for (int i = 0; i < auth.rs256PublicKeyFiles().size(); i++) {
      readableFile("native.auth.rs256PublicKeyFiles[" + i + "]", auth.rs256PublicKeyFiles().get(i));
    }
    if (n.enabled() && n.path() != null) {
      boolean clash = (config.mdn().enabled() && n.path().equals(config.mdn().path()))
          || (config.tutorial().enabled() && n.path().equals(config.tutorial().path()))
          || (config.peerjs().enabled() && n.path().equals(config.peerjs().webSocketPath()));
      if (clash) {
        problems.add("native.path " + n.path() + " is another dialect's path already");
      }
    }
  }

  private void turn(TurnConfig turn, HttpConfig http) {
    if (!isSet(turn.realm())) {
      problems.add("turn.realm must not be empty");
    }
    if (!isSet(turn.listenHost())) {
      problems.add("turn.listenHost must not be empty");
    }
    port("turn.port", turn.port());
    port("turn.tlsPort", turn.tlsPort());
    if (turn.minPort() < 1024 || turn.maxPort() > MAX_PORT || turn.minPort() > turn.maxPort()) {
      problems.add("turn.minPort and turn.maxPort must satisfy 1024 <= minPort <= maxPort <= 65535, got "
          + turn.minPort() + ".." + turn.maxPort());
    }
    address("turn.externalAddress", turn.externalAddress());
    address("turn.relayAddress", turn.relayAddress());
    address("turn.relayAddressV6", turn.relayAddressV6());
    positive("turn.credentialTtlSeconds", turn.credentialTtlSeconds());
    positive("turn.maxAllocationLifetimeSeconds", turn.maxAllocationLifetimeSeconds());
    positive("turn.maxAllocationsPerUser", turn.maxAllocationsPerUser());
    positive("turn.maxAllocations", turn.maxAllocations());
    positive("turn.maxPermissionsPerAllocation", turn.maxPermissionsPerAllocation());
    positive("turn.bandwidthBytesPerSecond", turn.bandwidthBytesPerSecond());
    positive("turn.unauthenticatedPerIpPerSecond", turn.unauthenticatedPerIpPerSecond());
    positive("turn.nonceLifetimeSeconds", turn.nonceLifetimeSeconds());
    // RFC 8656 §7.2: allocations default to 600 s, so a smaller maximum could never be honoured.
    if (turn.maxAllocationLifetimeSeconds() < 600) {
      problems.add("turn.maxAllocationLifetimeSeconds must be >= 600, got " + turn.maxAllocationLifetimeSeconds());
    }
    for (int i = 0; i < turn.secrets().size(); i++) {
      String secret = turn.secrets().get(i);
      if (secret == null || secret.length() < 16) {
        problems.add("turn.secrets[" + i + "] must be at least 16 characters");
      }
    }
    for (int i = 0; i < turn.users().size(); i++) {
      TurnConfig.TurnUser user = turn.users().get(i);
      if (user == null || !isSet(user.username()) || !isSet(user.password())) {
        problems.add("turn.users[" + i + "] needs a username and a password");
      }
    }
    for (int i = 0; i < turn.allowedPeerRanges().size(); i++) {
      cidr("turn.allowedPeerRanges[" + i + "]", turn.allowedPeerRanges().get(i));
    }
    for (int i = 0; i < turn.deniedPeerRanges().size(); i++) {
      cidr("turn.deniedPeerRanges[" + i + "]", turn.deniedPeerRanges().get(i));
    }
    if (turn.enabled() && turn.port() != 0 && turn.port() == http.port()) {
      problems.add("turn.port must differ from http.port, both are " + turn.port());
    }
  }

  private void gateway(GatewayConfig gateway) {
    if (!isSet(gateway.basePath()) || !gateway.basePath().startsWith("/") || gateway.basePath().endsWith("/")) {
      problems.add("gateway.basePath must start with / and not end with one, e.g. /api; got \"" + gateway.basePath() + "\"");
    }
    GatewayConfig.Media media = gateway.media();
    if (!isSet(media.host())) {
      problems.add("gateway.media.host must not be empty");
    }
    port("gateway.media.port", media.port());
    for (int i = 0; i < media.announcedAddresses().size(); i++) {
      address("gateway.media.announcedAddresses[" + i + "]", media.announcedAddresses().get(i));
    }
    positive("gateway.media.consentTimeoutSeconds", media.consentTimeoutSeconds());
    positive("gateway.media.handshakeThreads", media.handshakeThreads());
    positive("gateway.answerTimeoutSeconds", gateway.answerTimeoutSeconds());
    positive("gateway.maxSessions", gateway.maxSessions());
    positive("gateway.maxSessionsPerUser", gateway.maxSessionsPerUser());
    positive("gateway.sessionsPerMinutePerUser", gateway.sessionsPerMinutePerUser());
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < gateway.cameras().size(); i++) {
      GatewayConfig.CameraEntry camera = gateway.cameras().get(i);
      String name = "gateway.cameras[" + i + "]";
      if (camera == null || !isSet(camera.name()) || !isSet(camera.source())) {
        problems.add(name + " needs an id, a name and a source");
        continue;
      }
      try {
        if (!ids.add(java.util.UUID.fromString(camera.id()).toString())) {
          problems.add(name + ".id " + camera.id() + " is used by another camera");
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(name + ".id must be a GUID, got \"" + camera.id() + "\"");
      }
      if (camera.framesPerSecond() < 1 || camera.framesPerSecond() > 120) {
        problems.add(name + ".framesPerSecond must be 1-120, got " + camera.framesPerSecond());
      }
    }
    for (int i = 0; i < gateway.users().size(); i++) {
      GatewayConfig.UserEntry user = gateway.users().get(i);
      if (user == null || !isSet(user.username()) || user.cameras() == null) {
        problems.add("gateway.users[" + i + "] needs a username, a passwordHash and a list of cameras");
      } else if (!dev.junction.gateway.auth.PasswordHashes.isHash(user.passwordHash())) {
        problems.add("gateway.users[" + i + "].passwordHash must be an Argon2id hash ($argon2id$...);"
            + " 'junction hash-password' makes one");
      }
    }
    GatewayConfig.DevUser dev = gateway.devUser();
    if (dev.enabled() && !isSet(dev.username())) {
      problems.add("gateway.devUser.username must not be empty while gateway.devUser.enabled is true");
    }
    if (dev.enabled() && !dev.password().isEmpty() && dev.password().length() < 8) {
      problems.add("gateway.devUser.password must be empty (generated) or at least 8 characters");
    }
    if (!isSet(gateway.tokens().keyFile())) {
      problems.add("gateway.tokens.keyFile must not be empty");
    }
    positive("gateway.tokens.accessTokenSeconds", gateway.tokens().accessTokenSeconds());
    positive("gateway.tokens.refreshTokenSeconds", gateway.tokens().refreshTokenSeconds());
  }

  /** An optional address setting: empty, or one IP literal. */
  private void address(String name, String value) {
    if (isSet(value)) {
      cidr(name, value);
    }
  }

  private void cidr(String name, String value) {
    try {
      dev.junction.turn.IpRange.parse(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be an IP address or CIDR range: " + e.getMessage());
    }
  }

  private void ice(IceConfig ice) {
    if (!"anyone".equals(ice.access()) && !"token".equals(ice.access())) {
      problems.add("ice.access must be anyone or token, got \"" + ice.access() + "\"");
    }
    positive("ice.requestsPerSecondPerIp", ice.requestsPerSecondPerIp());
    if (ice.requiresToken() && (ice.tokenSecret() == null || ice.tokenSecret().length() < 32)) {
      problems.add("ice.tokenSecret must be at least 32 characters when ice.access is token");
    }
    if (ice.servers() == null) {
      problems.add("ice.servers must be a list");
      return;
    }
    for (int i = 0; i < ice.servers().size(); i++) {
      iceServer("ice.servers[" + i + "]", ice.servers().get(i));
    }
  }

  private void iceServer(String name, IceConfig.IceServer server) {
    if (server == null || server.urls() == null || server.urls().isEmpty()) {
      problems.add(name + ".urls must list at least one URL");
      return;
    }
    boolean turn = false;
    for (String url : server.urls()) {
      if (url == null || ICE_SCHEMES.stream().noneMatch(url::startsWith)) {
        problems.add(name + ".urls must start with stun:, stuns:, turn: or turns:, got \"" + url + "\"");
      } else {
        turn |= url.startsWith("turn");
      }
    }
    // Browsers reject RTCConfiguration with InvalidAccessError when a TURN entry lacks either.
    if (turn && (!isSet(server.username()) || !isSet(server.credential()))) {
      problems.add(name + " has a TURN URL, so it needs both username and credential");
    }
  }

  private void port(String name, int port) {
    if (port < 0 || port > MAX_PORT) {
      problems.add(name + " must be between 0 and " + MAX_PORT + ", got " + port);
    }
  }

  private void positive(String name, int value) {
    if (value <= 0) {
      problems.add(name + " must be > 0, got " + value);
    }
  }

  private void path(String name, String path) {
    if (path == null || !path.startsWith("/")) {
      problems.add(name + " must start with \"/\", got \"" + path + "\"");
    }
  }

  private void readableFile(String name, String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      problems.add(
          name + " must name a readable file, got \"" + file + "\" (" + path.toAbsolutePath() + ")");
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
