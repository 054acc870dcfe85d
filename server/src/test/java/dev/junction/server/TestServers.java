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

  private TestServers() {}

  /** The embedded defaults on free ports of 127.0.0.1, then {@code overrides} ({@code --set} syntax). */
  public static JunctionConfig config(String... overrides) {
    List<String> all = new ArrayList<>(List.of("http.host=127.0.0.1", "http.port=0", "mdn.port=0",
        "turn.listenHost=127.0.0.1", "turn.port=0", "turn.tlsPort=0", "turn.relayAddress=127.0.0.1",
        "turn.secrets=[\"" + TURN_SECRET + "\"]"));
    all.addAll(List.of(overrides));
    return ConfigLoader.load(null, Map.of(), all);
  }

  public static JunctionServer start(String... overrides) {
    return JunctionServer.start(config(overrides));
  }
}
