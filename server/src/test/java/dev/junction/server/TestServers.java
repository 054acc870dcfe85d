package dev.junction.server;

import dev.junction.server.config.ConfigLoader;
import dev.junction.server.config.JunctionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Servers for tests: the embedded defaults on free loopback ports, plus whatever a test overrides. */
public final class TestServers {

  /** The TURN REST secret of test servers (no secret file is written). */
  public static final String TURN_SECRET = "test-turn-secret-0123456789";

  /** The HS256 secret of the native protocol's tokens on test servers (no secret file is written). */
  public static final String NATIVE_SECRET = "test-native-token-secret-0123456789abcdef";

  /** The development user's password on gateway test servers. */
  public static final String DEV_PASSWORD = "test-dev-password";
  /** The bundled demo camera of the default configuration. */
  public static final String DEMO_CAMERA = "9b2f3a1e-5c4d-4e6f-8a7b-1c2d3e4f5a6b";

  private TestServers() {}

  /** The embedded defaults on free ports of 127.0.0.1, then {@code overrides} ({@code --set} syntax). */
  public static JunctionConfig config(String... overrides) {
    List<String> all = new ArrayList<>(List.of("http.host=127.0.0.1", "http.port=0", "mdn.port=0",
        "turn.listenHost=127.0.0.1", "turn.port=0", "turn.tlsPort=0", "turn.relayAddress=127.0.0.1",
        "turn.secrets=[\"" + TURN_SECRET + "\"]", "gateway.enabled=false",
        "native.auth.hs256Secrets=[\"" + NATIVE_SECRET + "\"]"));
    all.addAll(List.of(overrides));
    return ConfigLoader.load(null, Map.of(), all);
  }

  public static JunctionServer start(String... overrides) {
    return JunctionServer.start(config(overrides));
  }

  /**
   * A server with the camera gateway on: media on a free loopback port announced as 127.0.0.1, the
   * demo camera, the development user "demo" with {@link #DEV_PASSWORD}, and a token key in a
   * temporary file.
   */
  public static JunctionServer startWithGateway(String... overrides) {
    List<String> all = new ArrayList<>(List.of("gateway.enabled=true", "gateway.media.host=127.0.0.1",
        "gateway.media.port=0", "gateway.media.announcedAddresses=[\"127.0.0.1\"]",
        "gateway.devUser.password=" + DEV_PASSWORD, "gateway.tokens.keyFile=" + tokenKeyFile()));
    all.addAll(List.of(overrides));
    return JunctionServer.start(config(all.toArray(String[]::new)));
  }

  /** The HS256 key of gateway test servers' tokens, for tests that forge or age tokens. */
  public static final String GATEWAY_TOKEN_KEY = "test-gateway-token-key-0123456789abcdef";

  private static String tokenKeyFile() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("junction-test-");
      java.nio.file.Path file = dir.resolve("gateway-token-key");
      java.nio.file.Files.writeString(file, GATEWAY_TOKEN_KEY);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
