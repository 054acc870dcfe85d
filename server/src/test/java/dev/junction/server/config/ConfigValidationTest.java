package dev.junction.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules a loaded configuration must follow; each message names setting, rule and value. */
class ConfigValidationTest {

  @TempDir Path dir;

  private static JunctionConfig load(String... overrides) {
    return ConfigLoader.load(null, Map.of(), List.of(overrides));
  }

  @Test
  void portsMustBeBetween0And65535() {
    assertThatThrownBy(() -> load("http.port=65536"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("http.port must be between 0 and 65535, got 65536");
    assertThatThrownBy(() -> load("mdn.port=-1"))
        .hasMessage("mdn.port must be between 0 and 65535, got -1");
    assertThat(load("http.port=0", "mdn.port=65535").http().port()).isZero();
  }

  @Test
  void signalingLimitsMustBePositive() {
    assertThatThrownBy(() -> load("signaling.maxFrameBytes=-1"))
        .hasMessage("signaling.maxFrameBytes must be > 0, got -1");
    for (String limit :
        List.of(
            "messagesPerSecond", "messageBurst", "bytesPerSecond", "byteBurst", "maxConnectionsPerIp")) {
      assertThatThrownBy(() -> load("signaling." + limit + "=0"))
          .hasMessageStartingWith("signaling." + limit + " must be > 0, got 0");
    }
  }

  @Test
  void theIdleTimeoutMustExceedThePingInterval() {
    assertThatThrownBy(() -> load("signaling.idleTimeoutSeconds=20"))
        .hasMessage("signaling.idleTimeoutSeconds must be > signaling.pingIntervalSeconds (20), got 20");
  }

  @Test
  void theByteBurstMustHoldALargestFrame() {
    assertThatThrownBy(() -> load("signaling.byteBurst=1000"))
        .hasMessage("signaling.byteBurst must be >= signaling.maxFrameBytes (65536), got 1000");
  }

  @Test
  void peerJsSettingsMustBeUsable() {
    assertThatThrownBy(() -> load("peerjs.key=")).hasMessage("peerjs.key must not be empty");
    assertThatThrownBy(() -> load("peerjs.path=peerjs")).hasMessage("peerjs.path must start with \"/\", got \"peerjs\"");
    for (String limit : List.of("expireTimeoutMillis", "aliveTimeoutMillis", "concurrentLimit",
        "cleanupIntervalMillis", "maxQueuedPerPeer")) {
      assertThatThrownBy(() -> load("peerjs." + limit + "=0")).hasMessage("peerjs." + limit + " must be > 0, got 0");
    }
    assertThatThrownBy(() -> load("peerjs.path=/ws/tutorial", "tutorial.path=/ws/tutorial/peerjs"))
        .hasMessageContaining("peerjs.path puts the PeerJS WebSocket at /ws/tutorial/peerjs");
  }

  @Test
  void appRtcTimersMustBePositiveAndItsQueueMustHoldALargestMessage() {
    assertThatThrownBy(() -> load("apprtc.registerTimeoutSeconds=0"))
        .hasMessage("apprtc.registerTimeoutSeconds must be > 0, got 0");
    assertThatThrownBy(() -> load("apprtc.roamingGraceSeconds=-1"))
        .hasMessage("apprtc.roamingGraceSeconds must be > 0, got -1");
    assertThatThrownBy(() -> load("apprtc.maxQueuedMessages=0"))
        .hasMessage("apprtc.maxQueuedMessages must be > 0, got 0");
    assertThatThrownBy(() -> load("apprtc.maxQueuedBytes=1000"))
        .hasMessage("apprtc.maxQueuedBytes must be >= signaling.maxFrameBytes (65536), got 1000");
    assertThatThrownBy(() -> load("apprtc.path=apprtc"))
        .hasMessage("apprtc.path must start with \"/\", got \"apprtc\"");
    assertThat(load("apprtc.path=/").apprtc().basePath()).isEmpty();
    assertThat(load("apprtc.path=/rtc/").apprtc().basePath()).isEqualTo("/rtc");
  }

  @Test
  void nativeProtocolSettingsMustBeUsable() {
    for (String limit : List.of("roomCapacity", "maxRoomsPerPeer", "resumeGraceSeconds", "helloTimeoutSeconds",
        "ackWindow", "queue.maxMessages", "queue.ttlSeconds", "lobby.capacity")) {
      assertThatThrownBy(() -> load("native." + limit + "=0")).hasMessage("native." + limit + " must be > 0, got 0");
    }
    assertThatThrownBy(() -> load("native.queue.maxBytes=1000"))
        .hasMessage("native.queue.maxBytes must be >= signaling.maxFrameBytes (65536), got 1000");
    assertThatThrownBy(() -> load("native.lobby.name=the lobby"))
        .hasMessage("native.lobby.name must be a room name (1 to 64 of A-Z a-z 0-9 _ -), got \"the lobby\"");
    assertThatThrownBy(() -> load("native.duplicateIdentity=kick"))
        .hasMessage("native.duplicateIdentity must be reject, rename or replace, got \"kick\"");
    assertThatThrownBy(() -> load("native.auth.mode=ldap")).hasMessage("native.auth.mode must be none or jwt, got \"ldap\"");
    assertThatThrownBy(() -> load("native.auth.hs256Secrets=[\"short\"]"))
        .hasMessage("native.auth.hs256Secrets[0] must be at least 32 characters (HS256 needs 256 bits)");
    assertThatThrownBy(() -> load("native.auth.rs256PublicKeyFiles=[\"/nonexistent.pem\"]"))
        .hasMessageStartingWith("native.auth.rs256PublicKeyFiles[0] must name a readable file");
    assertThatThrownBy(() -> load("native.path=/ws/mdn")).hasMessage("native.path /ws/mdn is another dialect's path already");
    assertThat(load("native.duplicateIdentity=reject", "native.auth.mode=jwt").nativeProtocol().auth().tokenRequired())
        .isTrue();
  }

  @Test
  void theShutdownGraceMustNotBeNegative() {
    assertThatThrownBy(() -> load("http.shutdownGraceMillis=-1"))
        .hasMessage("http.shutdownGraceMillis must be >= 0, got -1");
  }

  @Test
  void theHostMustNotBeEmpty() {
    assertThatThrownBy(() -> load("http.host=")).hasMessage("http.host must not be empty");
  }

  @Test
  void pathsMustStartWithASlash() {
    assertThatThrownBy(() -> load("mdn.path=ws/mdn"))
        .hasMessage("mdn.path must start with \"/\", got \"ws/mdn\"");
    assertThatThrownBy(() -> load("tutorial.path=tutorial"))
        .hasMessage("tutorial.path must start with \"/\", got \"tutorial\"");
  }

  @Test
  void twoDialectsCannotShareAPathOrAPort() {
    assertThatThrownBy(() -> load("tutorial.path=/ws/mdn"))
        .hasMessage("mdn.path and tutorial.path must differ, both are /ws/mdn");
    assertThatThrownBy(() -> load("mdn.port=8080"))
        .hasMessage("mdn.port must differ from http.port while mdn.ownListener is true, both are 8080");
    assertThat(load("tutorial.path=/ws/mdn", "tutorial.enabled=false").tutorial().path())
        .isEqualTo("/ws/mdn");
    assertThat(load("mdn.port=8080", "mdn.ownListener=false").mdn().port()).isEqualTo(8080);
  }

  @Test
  void tlsNeedsBothFiles() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");

    assertThatThrownBy(() -> load("http.tls.certFile=" + cert))
        .hasMessage("http.tls.certFile and http.tls.keyFile must be set together, got only certFile");
    assertThatThrownBy(() -> load("http.tls.keyFile=" + cert))
        .hasMessage("http.tls.certFile and http.tls.keyFile must be set together, got only keyFile");
  }

  @Test
  void tlsFilesMustExist() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    Path key = dir.resolve("key.pem");

    assertThatThrownBy(() -> load("http.tls.certFile=" + cert, "http.tls.keyFile=" + key))
        .hasMessage("http.tls.keyFile must name a readable file, got \"" + key + "\" (" + key + ")");
  }

  @Test
  void iceServersNeedKnownSchemesAndTurnNeedsCredentials() {
    assertThatThrownBy(() -> load("ice.servers=[{urls: []}]"))
        .hasMessage("ice.servers[0].urls must list at least one URL");
    assertThatThrownBy(() -> load("ice.servers=[{urls: [\"http://stun.example.org\"]}]"))
        .hasMessage(
            "ice.servers[0].urls must start with stun:, stuns:, turn: or turns:,"
                + " got \"http://stun.example.org\"");
    assertThatThrownBy(() -> load("ice.servers=[{urls: [\"turn:turn.example.org\"], username: u}]"))
        .hasMessage("ice.servers[0] has a TURN URL, so it needs both username and credential");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    assertThatThrownBy(() -> load("http.port=-1", "signaling.messageBurst=0"))
        .hasMessage(
            "http.port must be between 0 and 65535, got -1; signaling.messageBurst must be > 0, got 0");
  }
}
