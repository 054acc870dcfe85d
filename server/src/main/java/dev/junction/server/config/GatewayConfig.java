package dev.junction.server.config;

import java.util.List;

/**
 * The camera gateway: cameras to browsers over WebRTC, with the XProtect-compatible REST API.
 *
 * @param enabled run it at all
 * @param basePath where the REST API lives; XProtect clients call {@code {gw}/REST/v1/...} with
 *     {@code {gw} = https://host/api}
 * @param media the UDP media port
 * @param gopCache start new viewers on the last keyframe at once; false makes them wait for the next
 * @param answerTimeoutSeconds a session whose answer does not come within this is closed
 * @param maxSessions sessions in total (429 beyond)
 * @param maxSessionsPerUser sessions one user may hold (429 beyond)
 * @param sessionsPerMinutePerUser session creations one user may make per minute (429 beyond)
 * @param cameras the cameras
 * @param users who may log in, with Argon2id password hashes and the cameras each may view
 * @param devUser a development user with access to every camera
 * @param tokens the bearer tokens of the token service
 * @param cors which web origins may call the API
 */
public record GatewayConfig(
    boolean enabled,
    String basePath,
    Media media,
    boolean gopCache,
    int answerTimeoutSeconds,
    int maxSessions,
    int maxSessionsPerUser,
    int sessionsPerMinutePerUser,
    List<CameraEntry> cameras,
    List<UserEntry> users,
    DevUser devUser,
    Tokens tokens,
    Cors cors) {

  /**
   * The one UDP port of every viewer's ICE, DTLS and SRTP.
   *
   * @param host the address it binds
   * @param port the port; 0 picks a free one (tests)
   * @param announcedAddresses the addresses put in offers as host candidates (e.g. a public address
   *     behind NAT); empty: this machine's own addresses
   * @param consentTimeoutSeconds a viewer whose ICE checks stop for this long is dropped (RFC 7675: 30)
   * @param handshakeThreads workers running blocking DTLS handshakes
   */
  public record Media(String host, int port, List<String> announcedAddresses, int consentTimeoutSeconds,
      int handshakeThreads) {}

  /**
   * @param id a GUID
   * @param name what people see
   * @param source {@code demo} for the bundled clip, or the path of an H.264 Annex B file, played in a loop
   * @param framesPerSecond the file's frame rate (Annex B carries no timing)
   */
  public record CameraEntry(String id, String name, String source, int framesPerSecond) {}

  /**
   * @param username login name
   * @param passwordHash Argon2id PHC string ({@code junction hash-password} makes one)
   * @param cameras camera ids the user may view; {@code *} for all
   */
  public record UserEntry(String username, String passwordHash, List<String> cameras) {}

  /**
   * @param enabled add the user
   * @param username its name
   * @param password its password; empty: generated on first start, kept in {@code passwordFile} and
   *     printed at start-up
   * @param passwordFile where the generated password is kept
   */
  public record DevUser(boolean enabled, String username, String password, String passwordFile) {}

  /**
   * @param keyFile where the HS256 signing key is kept (generated on first start; share it between nodes)
   * @param accessTokenSeconds lifetime of access tokens (XProtect: 3600)
   * @param refreshTokenSeconds lifetime of refresh tokens
   */
  public record Tokens(String keyFile, int accessTokenSeconds, int refreshTokenSeconds) {}

  /**
   * @param allowedOrigins origins (e.g. {@code https://vms.example.com}) allowed to call the API
   * @param allowAnyOrigin DEVELOPMENT ONLY: any origin may call it
   */
  public record Cors(List<String> allowedOrigins, boolean allowAnyOrigin) {}
}
