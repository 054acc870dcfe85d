package dev.junction.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --set dotted.path=value: the path must name an existing setting; the value takes its type. */
class SetOverridesTest {

  private static JunctionConfig load(String... overrides) {
    return ConfigLoader.load(null, Map.of(), List.of(overrides));
  }

  @Test
  void setsLeavesOfEveryType() {
    JunctionConfig config =
        load("http.port=9000", "http.host=127.0.0.1", "tutorial.enabled=false", "mdn.path=/chat");

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.tutorial().enabled()).isFalse();
    assertThat(config.mdn().path()).isEqualTo("/chat");
  }

  @Test
  void onlyTheFirstEqualsSignSeparatesPathFromValue() {
    assertThat(load("http.host=a=b").http().host()).isEqualTo("a=b");
  }

  @Test
  void aListTakesJsonOrYamlFlowStyle() {
    JunctionConfig config =
        load(
            "ice.servers=[{\"urls\": [\"stun:a.example.org\"]},"
                + " {urls: [\"turns:b.example.org\"], username: u, credential: c}]");

    assertThat(config.ice().servers()).hasSize(2);
    assertThat(config.ice().servers().get(1).username()).isEqualTo("u");
    assertThat(load("ice.servers=[]").ice().servers()).isEmpty();
  }

  @Test
  void aPathThatNamesNoSettingIsAnErrorListingTheKnownKeys() {
    assertThatThrownBy(() -> load("http.prot=9000"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--set http.prot=9000: there is no setting http.prot"
                + " (http has host, port, tls, shutdownGraceMillis)");
    assertThatThrownBy(() -> load("htp.port=9000"))
        .hasMessageStartingWith("--set htp.port=9000: there is no setting htp.port (the top level has http,");
    assertThatThrownBy(() -> load("http.port.x=1"))
        .hasMessage("--set http.port.x=1: there is no setting http.port.x");
  }

  @Test
  void aPathThatNamesAGroupIsAnError() {
    assertThatThrownBy(() -> load("http.tls=x"))
        .hasMessage("--set http.tls=x: http.tls is a group of settings; set one of certFile, keyFile");
  }

  @Test
  void aFlagWithoutPathAndValueIsAnError() {
    assertThatThrownBy(() -> load("http.port"))
        .hasMessage("--set http.port: expected dotted.path=value, like http.port=9000");
    assertThatThrownBy(() -> load("=9000"))
        .hasMessage("--set =9000: expected dotted.path=value, like http.port=9000");
  }

  @Test
  void aValueOfTheWrongTypeNamesFlagSettingAndValue() {
    assertThatThrownBy(() -> load("signaling.maxFrameBytes=lots"))
        .hasMessage(
            "--set signaling.maxFrameBytes=lots: signaling.maxFrameBytes must be an integer, got \"lots\"");
  }

  @Test
  void aListEntryWithAnUnknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> load("ice.servers=[{url: [\"stun:a.example.org\"]}]"))
        .hasMessage("unknown setting ice.servers[0].url (known here: credential, urls, username)");
  }
}
