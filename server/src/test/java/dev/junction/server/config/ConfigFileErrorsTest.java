package dev.junction.server.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken config file is an error naming the file, the setting and what is wrong. */
class ConfigFileErrorsTest {

  @TempDir Path dir;

  @Test
  void aMissingFileIsAnErrorNamingThePath() {
    Path missing = dir.resolve("nope.yml");

    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + missing + " does not exist or is not a file");
  }

  @Test
  void anUnknownKeyIsAnErrorNamingKeyAndFile() throws IOException {
    Path file = yaml("http:\n  prot: 9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown setting http.prot in " + file + " (known here: host, port, shutdownGraceMillis, tls)");
  }

  @Test
  void anUnknownTopLevelKeyIsAnError() throws IOException {
    Path file = yaml("htp:\n  port: 9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessageStartingWith("unknown setting htp in " + file);
  }

  @Test
  void aValueOfTheWrongTypeNamesSettingValueAndFile() throws IOException {
    Path file = yaml("http:\n  port: eighty\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessage("http.port must be an integer, got \"eighty\" in " + file);
  }

  @Test
  void aFractionIsNotAnInteger() throws IOException {
    Path file = yaml("http:\n  port: 80.5\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessageStartingWith("http.port must be an integer")
        .hasMessageEndingWith(" in " + file);
  }

  @Test
  void aScalarWhereAGroupBelongsIsAnError() throws IOException {
    Path file = yaml("http: 9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessage("http must be a mapping of settings in " + file);
  }

  @Test
  void invalidYamlNamesFileAndLine() throws IOException {
    Path file = yaml("http:\n  port: [9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessageStartingWith("config file " + file + " is not valid YAML at line ");
  }

  @Test
  void aDuplicateKeyIsAnError() throws IOException {
    Path file = yaml("http:\n  port: 9000\n  port: 9001\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessageStartingWith("config file " + file + " is not valid YAML")
        .hasMessageContaining("port");
  }

  @Test
  void aFileThatIsNotAMappingIsAnError() throws IOException {
    Path file = yaml("- http\n- port\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessage("config file " + file + " must hold a mapping of settings, like \"http: {port: 9000}\"");
  }

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("junction.yml"), text);
  }
}
