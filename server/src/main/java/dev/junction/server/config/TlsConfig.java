package dev.junction.server.config;

/**
 * PEM files for HTTPS and WSS. TLS is on when both paths are set; {@code junction dev-cert} makes a
 * self-signed pair for development.
 */
public record TlsConfig(String certFile, String keyFile) {

  public boolean enabled() {
    return certFile != null && !certFile.isBlank() && keyFile != null && !keyFile.isBlank();
  }
}
