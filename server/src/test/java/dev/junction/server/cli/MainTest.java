package dev.junction.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line: help, version, and one clear line with exit code 2 for bad input. */
class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int junction(Map<String, String> env, String... args) {
    return Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private int junction(String... args) {
    return junction(Map.of(), args);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(junction("--version")).isZero();

    assertThat(out.toString()).matches("junction \\d+\\.\\d+\\.\\d+\\S*\\R");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    assertThat(junction("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage: junction")
        .containsPattern("(?m)^  run ")
        .containsPattern("(?m)^  dev-cert ")
        .contains("--config", "--set", "JUNCTION_CONFIG")
        .contains("2   bad command line or configuration");
  }

  @Test
  void aBadSetIsOneLineOnStderrAndExitCode2() {
    assertThat(junction("run", "--set", "http.prot=9000")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "junction: --set http.prot=9000: there is no setting http.prot"
                + " (http has host, port, tls, shutdownGraceMillis)"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void runOptionsAlsoWorkWithoutTheRunCommand() {
    assertThat(junction("--set", "http.port=abc")).isEqualTo(2);

    assertThat(err.toString()).startsWith("junction: --set http.port=abc: http.port must be an integer");
  }

  @Test
  void anInvalidValueIsReportedWithTheRuleItBreaks() {
    assertThat(junction("run", "--set", "signaling.maxFrameBytes=-1")).isEqualTo(2);

    assertThat(err.toString()).contains("signaling.maxFrameBytes must be > 0, got -1");
  }

  @Test
  void theConfigFileComesFromJunctionConfigWhenNoFlagNamesOne() {
    assertThat(junction(Map.of("JUNCTION_CONFIG", "/no/such/junction.yml"), "run")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "junction: config file /no/such/junction.yml does not exist or is not a file"
                + System.lineSeparator());
  }

  @Test
  void aMisspeltEnvironmentVariableStopsTheStart() {
    assertThat(junction(Map.of("JUNCTION_HTTP_PROT", "9000"), "run")).isEqualTo(2);

    assertThat(err.toString()).startsWith("junction: JUNCTION_HTTP_PROT matches no setting");
  }

  @Test
  void noStackTraceUnlessVerbose() {
    junction("run", "--set", "http.port=-1");
    assertThat(err.toString()).doesNotContain("\tat ");

    err.getBuffer().setLength(0);
    junction("run", "--verbose", "--set", "http.port=-1");
    assertThat(err.toString())
        .startsWith("junction: http.port must be between 0 and 65535, got -1")
        .contains("ConfigException", "\tat ");
  }

  @Test
  void anUnknownOptionIsOneLineWithASuggestionAndExitCode2() {
    assertThat(junction("--confg", "x.yml")).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("junction: Unknown options: '--confg', 'x.yml'")
        .contains("did you mean --config?")
        .hasLineCount(1);
  }
}
