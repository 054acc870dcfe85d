package dev.junction.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.server.config.ConfigLoader;
import dev.junction.server.config.JunctionConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** junction dev-cert: writes the pair, says how to turn HTTPS on, and never overwrites unasked. */
class DevCertCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int junction(String... args) {
    return Main.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void writesCertificateAndKeyAndPrintsTheSettingsThatTurnHttpsOn() {
    Path tls = dir.resolve("tls");

    assertThat(junction("dev-cert", "--dir", tls.toString())).isZero();

    Path cert = tls.resolve("cert.pem").toAbsolutePath();
    Path key = tls.resolve("key.pem").toAbsolutePath();
    assertThat(cert).isRegularFile();
    assertThat(key).isRegularFile();
    assertThat(out.toString())
        .contains("It covers: localhost, ", "127.0.0.1", "::1")
        .contains("certFile: '" + cert + "'", "keyFile: '" + key + "'")
        .contains("JUNCTION_HTTP_TLS_CERT_FILE=" + cert, "JUNCTION_HTTP_TLS_KEY_FILE=" + key);
  }

  @Test
  void thePrintedEnvironmentVariablesLoadAsTlsSettings() {
    junction("dev-cert", "--dir", dir.toString());
    String cert = dir.resolve("cert.pem").toAbsolutePath().toString();
    String key = dir.resolve("key.pem").toAbsolutePath().toString();

    JunctionConfig config =
        ConfigLoader.load(
            null,
            Map.of("JUNCTION_HTTP_TLS_CERT_FILE", cert, "JUNCTION_HTTP_TLS_KEY_FILE", key),
            List.of());

    assertThat(config.http().tls().enabled()).isTrue();
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    junction("dev-cert", "--dir", dir.toString());
    String firstCert = Files.readString(dir.resolve("cert.pem"));

    assertThat(junction("dev-cert", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("junction: " + dir.resolve("cert.pem").toAbsolutePath() + " already exists; pass --force");
    assertThat(Files.readString(dir.resolve("cert.pem"))).isEqualTo(firstCert);

    assertThat(junction("dev-cert", "--dir", dir.toString(), "--force")).isZero();
    assertThat(Files.readString(dir.resolve("cert.pem"))).isNotEqualTo(firstCert);
  }

  @Test
  void refusesALifetimeApplePlatformsWouldReject() {
    assertThat(junction("dev-cert", "--dir", dir.toString(), "--days", "826")).isEqualTo(2);
    assertThat(err.toString()).startsWith("junction: --days must be between 1 and 825");
    assertThat(junction("dev-cert", "--dir", dir.toString(), "--days", "0")).isEqualTo(2);
    assertThat(dir.resolve("cert.pem")).doesNotExist();
  }
}
