package dev.junction.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JUNCTION_* variables: after the prefix, tokens split on "_" match keys whose upper-cased name
 * equals one or more joined tokens; the value takes the type of the default.
 */
class EnvironmentVariablesTest {

  private static JunctionConfig load(Map<String, String> env) {
    return ConfigLoader.load(null, env, List.of());
  }

  @Test
  void oneTokenPerKey() {
    assertThat(load(Map.of("JUNCTION_HTTP_PORT", "9000")).http().port()).isEqualTo(9000);
    assertThat(load(Map.of("JUNCTION_HTTP_HOST", "127.0.0.1")).http().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void aCamelCaseKeySpansSeveralTokens() {
    JunctionConfig config =
        load(
            Map.of(
                "JUNCTION_SIGNALING_MAX_FRAME_BYTES", "1024",
                "JUNCTION_MDN_OWN_LISTENER", "false",
                "JUNCTION_MDN_REQUIRE_JSON_SUBPROTOCOL", "FALSE",
                "JUNCTION_HTTP_SHUTDOWN_GRACE_MILLIS", "100"));

    assertThat(config.signaling().maxFrameBytes()).isEqualTo(1024);
    assertThat(config.mdn().ownListener()).isFalse();
    assertThat(config.mdn().requireJsonSubprotocol()).isFalse();
    assertThat(config.http().shutdownGraceMillis()).isEqualTo(100);
  }

  @Test
  void theCamelCaseKeyMayAlsoBeWrittenAsOneToken() {
    assertThat(load(Map.of("JUNCTION_SIGNALING_MAXFRAMEBYTES", "1024")).signaling().maxFrameBytes())
        .isEqualTo(1024);
  }

  @Test
  void aListTakesYamlFlowStyle() {
    JunctionConfig config =
        load(Map.of("JUNCTION_ICE_SERVERS", "[{urls: [\"stun:stun.example.org:3478\"]}]"));

    assertThat(config.ice().servers()).hasSize(1);
    assertThat(config.ice().servers().get(0).urls()).containsExactly("stun:stun.example.org:3478");
  }

  @Test
  void otherVariablesAndLauncherVariablesAreIgnored() {
    JunctionConfig config =
        load(
            Map.of(
                "PATH", "/usr/bin",
                "JUNCTION_CONFIG", "/etc/junction.yml",
                "JUNCTION_OPTS", "-Xmx1g",
                "JUNCTION_HOME", "/opt/junction",
                "JUNCTION_JAVA", "/usr/bin/java"));

    assertThat(config).isEqualTo(load(Map.of()));
  }

  @Test
  void aVariableThatNamesNoSettingIsAnError() {
    assertThatThrownBy(() -> load(Map.of("JUNCTION_HTTP_PROT", "9000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("JUNCTION_HTTP_PROT matches no setting");
  }

  @Test
  void aVariableThatNamesAGroupIsAnError() {
    assertThatThrownBy(() -> load(Map.of("JUNCTION_HTTP_TLS", "on")))
        .hasMessageStartingWith("JUNCTION_HTTP_TLS matches no setting");
  }

  @Test
  void twoSpellingsOfOneSettingAreAnError() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "JUNCTION_SIGNALING_MAX_FRAME_BYTES", "1",
                        "JUNCTION_SIGNALING_MAXFRAMEBYTES", "2")))
        .hasMessage(
            "JUNCTION_SIGNALING_MAXFRAMEBYTES and JUNCTION_SIGNALING_MAX_FRAME_BYTES both set"
                + " signaling.maxFrameBytes; keep one");
  }

  @Test
  void aValueOfTheWrongTypeNamesVariableSettingAndValue() {
    assertThatThrownBy(() -> load(Map.of("JUNCTION_HTTP_PORT", "80a")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("JUNCTION_HTTP_PORT: http.port must be an integer, got \"80a\"");
    assertThatThrownBy(() -> load(Map.of("JUNCTION_MDN_ENABLED", "yes")))
        .hasMessage("JUNCTION_MDN_ENABLED: mdn.enabled must be true or false, got \"yes\"");
    assertThatThrownBy(() -> load(Map.of("JUNCTION_ICE_SERVERS", "stun:x")))
        .hasMessageStartingWith("JUNCTION_ICE_SERVERS: ice.servers must be a YAML or JSON list");
  }
}
