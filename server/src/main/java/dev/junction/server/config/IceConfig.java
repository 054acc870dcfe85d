package dev.junction.server.config;

import java.util.List;

/**
 * What {@code GET /api/ice-servers} hands to browsers, and to whom.
 *
 * @param servers extra STUN/TURN servers, listed after the built-in one
 * @param access {@code anyone} (rate-limited per address, for a public video chat) or {@code token}
 *     (only callers with a valid bearer JWT signed with {@link #tokenSecret})
 * @param requestsPerSecondPerIp answers per second to one address when {@code access} is {@code anyone}
 * @param tokenSecret the HS256 key of the bearer tokens, at least 32 characters, when {@code access} is {@code token}
 */
public record IceConfig(List<IceServer> servers, String access, int requestsPerSecondPerIp, String tokenSecret) {

  /** One entry of {@code RTCConfiguration.iceServers}. */
  public record IceServer(List<String> urls, String username, String credential) {}

  public boolean requiresToken() {
    return "token".equals(access);
  }
}
