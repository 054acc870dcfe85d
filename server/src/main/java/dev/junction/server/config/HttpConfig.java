package dev.junction.server.config;

/**
 * The main HTTP(S) listener: web apps, REST APIs and WebSocket signaling paths.
 *
 * @param host address to bind, {@code 0.0.0.0} for every interface
 * @param port TCP port; 0 picks a free port (tests)
 * @param tls HTTPS/WSS when a PEM certificate and key are configured
 * @param shutdownGraceMillis how long a graceful shutdown waits for in-flight work before it forces connections closed
 */
public record HttpConfig(String host, int port, TlsConfig tls, int shutdownGraceMillis) {}
