package dev.junction.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into {@code junction-version.properties} at build time. */
final class JunctionVersion implements CommandLine.IVersionProvider {

  private static final String RESOURCE = "/junction-version.properties";

  static String current() {
    try (InputStream in = JunctionVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "(unknown version: " + RESOURCE + " is missing)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(unknown version)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"junction " + current()};
  }
}
