package dev.junction.gateway.auth;

import java.util.Set;

/**
 * A user of the camera gateway, from the config.
 *
 * @param username the login name
 * @param passwordHash an Argon2id PHC string ({@link PasswordHashes})
 * @param cameras the ids of the cameras the user may view; {@code *} for all
 */
public record GatewayUser(String username, String passwordHash, Set<String> cameras) {

  public GatewayUser {
    // Camera ids are GUIDs, which clients write in either case.
    cameras = cameras.stream().map(id -> id.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public boolean maySee(String cameraId) {
    return cameras.contains("*") || cameras.contains(cameraId.toLowerCase(java.util.Locale.ROOT));
  }
}
