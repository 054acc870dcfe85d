package dev.junction.server.config;

import java.util.List;

/**
 * What {@code GET /api/ice-servers} hands to browsers.
 *
 * @param servers STUN (and, until the built-in TURN server exists, static TURN) servers
 */
public record IceConfig(List<IceServer> servers) {

  /** One entry of {@code RTCConfiguration.iceServers}. */
  public record IceServer(List<String> urls, String username, String credential) {}
}
