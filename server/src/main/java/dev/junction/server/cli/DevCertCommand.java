package dev.junction.server.cli;

import dev.junction.server.tls.DevCertificate;
import dev.junction.server.tls.MachineNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code junction dev-cert}: writes a self-signed certificate for this machine and says how to use it. */
@Command(
    name = "dev-cert",
    mixinStandardHelpOptions = true,
    versionProvider = JunctionVersion.class,
    description = {
      "Make a self-signed HTTPS certificate for this machine (development only).",
      "Browsers allow cameras only on https:// or localhost, so a phone on the LAN needs HTTPS."
    })
final class DevCertCommand implements Callable<Integer> {

  /** Apple platforms reject TLS server certificates valid for longer than this. */
  static final int MAX_DAYS = 825;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".junction/tls",
      description = "Directory for cert.pem and key.pem; default: ${DEFAULT-VALUE}.")
  Path dir;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "365",
      description = "Days the certificate stays valid, 1 to " + MAX_DAYS + "; default: ${DEFAULT-VALUE}.")
  int days;

  @Option(names = "--force", description = "Replace an existing certificate and key.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (days < 1 || days > MAX_DAYS) {
      throw new ParameterException(
          spec.commandLine(),
          "--days must be between 1 and " + MAX_DAYS
              + " (Apple devices reject longer-lived certificates), got " + days);
    }
    Path certFile = dir.resolve("cert.pem").toAbsolutePath();
    Path keyFile = dir.resolve("key.pem").toAbsolutePath();
    for (Path file : new Path[] {certFile, keyFile}) {
      if (!force && Files.exists(file)) {
        throw new ParameterException(
            spec.commandLine(), file + " already exists; pass --force to replace it");
      }
    }
    MachineNames names = MachineNames.discover();
    DevCertificate certificate = DevCertificate.generate(names, Duration.ofDays(days), Instant.now());
    try {
      Files.createDirectories(certFile.getParent());
      certificate.writePem(certFile, keyFile);
    } catch (IOException e) {
      // NIO messages are often just a path; the exception's name says what went wrong with it.
      throw new UncheckedIOException("cannot write the certificate into " + certFile.getParent() + ": " + e, e);
    }
    report(spec.commandLine().getOut(), names, certFile, keyFile);
    return 0;
  }

  private void report(PrintWriter out, MachineNames names, Path certFile, Path keyFile) {
    out.println("Wrote a self-signed certificate, valid for " + days + " days:");
    out.println("  certificate: " + certFile);
    out.println("  private key: " + keyFile + " (readable only by you)");
    out.println("It covers: " + String.join(", ", names.all()));
    out.println();
    out.println("To turn HTTPS on, put this in your config file:");
    out.println("  http:");
    out.println("    tls:");
    out.println("      certFile: " + yamlString(certFile));
    out.println("      keyFile: " + yamlString(keyFile));
    out.println("or set these environment variables:");
    out.println("  JUNCTION_HTTP_TLS_CERT_FILE=" + certFile);
    out.println("  JUNCTION_HTTP_TLS_KEY_FILE=" + keyFile);
    out.println();
    out.println("Browsers warn about a self-signed certificate; accept it once on each device.");
    out.flush();
  }

  /** Single quotes keep backslashes in Windows paths literal. */
  private static String yamlString(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }
}
