package dev.junction.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.server.config.IceConfig.IceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers: defaults, then the file, then the environment, then --set; later wins. */
class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void withNothingGivenEveryDefaultLoads() {
    JunctionConfig config = ConfigLoader.load(null, Map.of(), List.of());

    assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 8080, new TlsConfig("", ""), 4000));
    assertThat(config.http().tls().enabled()).isFalse();
    assertThat(config.signaling())
        .isEqualTo(new SignalingConfig(65536, 50, 200, 262144, 1048576, 200, 20, 60, 10000));
    assertThat(config.mdn()).isEqualTo(new MdnConfig(true, "/ws/mdn", true, 6503, true));
    assertThat(config.tutorial()).isEqualTo(new TutorialConfig(true, "/ws/tutorial"));
    assertThat(config.peerjs())
        .isEqualTo(new PeerJsConfig(true, "/peerjs", "peerjs", 5000, 60000, 5000, false, 1000, 1000));
    assertThat(config.peerjs().webSocketPath()).isEqualTo("/peerjs/peerjs");
    assertThat(config.ice().servers()).isEmpty();
  }

  @Test
  void aFileOverridesOnlyTheSettingsItNames() throws IOException {
    Path file =
        yaml(
            """
            http:
              port: 9000
            signaling:
              maxFrameBytes: 1024
            ice:
              servers:
                - urls: ["stun:stun.example.org:3478"]
            """);

    JunctionConfig config = ConfigLoader.load(file, Map.of(), List.of());

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.http().host()).isEqualTo("0.0.0.0");
    assertThat(config.signaling().maxFrameBytes()).isEqualTo(1024);
    assertThat(config.signaling().messagesPerSecond()).isEqualTo(50);
    assertThat(config.ice().servers())
        .containsExactly(new IceServer(List.of("stun:stun.example.org:3478"), null, null));
  }

  @Test
  void anEmptyFileOrAnEmptyGroupKeepsTheDefaults() throws IOException {
    assertThat(ConfigLoader.load(yaml(""), Map.of(), List.of()))
        .isEqualTo(ConfigLoader.load(null, Map.of(), List.of()));

    Path commentedOut =
        yaml(
            """
            http:
              # port: 9000
            """);
    assertThat(ConfigLoader.load(commentedOut, Map.of(), List.of()).http().port()).isEqualTo(8080);
  }

  @Test
  void aListInTheFileReplacesTheDefaultListWhole() throws IOException {
    Path file =
        yaml(
            """
            ice:
              servers:
                - urls: ["stun:a.example.org"]
                - urls: ["turn:b.example.org"]
                  username: alice
                  credential: secret
            """);

    assertThat(ConfigLoader.load(file, Map.of(), List.of()).ice().servers())
        .extracting(IceServer::urls)
        .containsExactly(List.of("stun:a.example.org"), List.of("turn:b.example.org"));
  }

  @Test
  void laterLayersWinFileThenEnvironmentThenSet() throws IOException {
    Path file =
        yaml(
            """
            http:
              port: 9001
              host: 127.0.0.1
            signaling:
              pingIntervalSeconds: 5
            mdn:
              port: 7001
            """);
    Map<String, String> env =
        Map.of("JUNCTION_HTTP_PORT", "9002", "JUNCTION_SIGNALING_PING_INTERVAL_SECONDS", "6");

    JunctionConfig config = ConfigLoader.load(file, env, List.of("http.port=9003"));

    assertThat(config.http().port()).as("--set beats env and file").isEqualTo(9003);
    assertThat(config.signaling().pingIntervalSeconds()).as("env beats file").isEqualTo(6);
    assertThat(config.mdn().port()).as("file beats defaults").isEqualTo(7001);
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void repeatedSetFlagsApplyInOrder() {
    JunctionConfig config =
        ConfigLoader.load(null, Map.of(), List.of("http.port=9000", "http.port=9001"));

    assertThat(config.http().port()).isEqualTo(9001);
  }

  @Test
  void tlsIsOnWhenBothFilesAreSetAndExist() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    Path key = Files.writeString(dir.resolve("key.pem"), "x");

    JunctionConfig config =
        ConfigLoader.load(
            null,
            Map.of("JUNCTION_HTTP_TLS_CERT_FILE", cert.toString()),
            List.of("http.tls.keyFile=" + key));

    assertThat(config.http().tls()).isEqualTo(new TlsConfig(cert.toString(), key.toString()));
    assertThat(config.http().tls().enabled()).isTrue();
  }

  private Path yaml(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "junction", ".yml"), text);
  }
}
