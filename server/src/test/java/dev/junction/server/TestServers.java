package dev.junction.server;

import dev.junction.server.config.HttpConfig;
import dev.junction.server.config.IceConfig;
import dev.junction.server.config.JunctionConfig;
import dev.junction.server.config.MdnConfig;
import dev.junction.server.config.SignalingConfig;
import dev.junction.server.config.TlsConfig;
import dev.junction.server.config.TutorialConfig;
import java.util.List;
import java.util.function.UnaryOperator;

/** Servers for tests: the embedded defaults on free loopback ports, with whatever a test changes. */
public final class TestServers {

  private TestServers() {}

  /** The defaults of docs/CONFIG.md, on free ports of 127.0.0.1. */
  public static JunctionConfig config() {
    return new JunctionConfig(
        new HttpConfig("127.0.0.1", 0, new TlsConfig("", ""), 4000),
        new SignalingConfig(65536, 50, 200, 262144, 1048576, 200, 20, 60, 10000),
        new MdnConfig(true, "/ws/mdn", true, 0, true),
        new TutorialConfig(true, "/ws/tutorial"),
        new IceConfig(List.of()));
  }

  public static JunctionServer start() {
    return JunctionServer.start(config());
  }

  /** Starts a server whose signaling limits {@code change} adjusts. */
  public static JunctionServer startWithSignaling(UnaryOperator<SignalingConfig> change) {
    JunctionConfig defaults = config();
    return JunctionServer.start(new JunctionConfig(defaults.http(), change.apply(defaults.signaling()),
        defaults.mdn(), defaults.tutorial(), defaults.ice()));
  }
}
