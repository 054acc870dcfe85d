package dev.junction.server.turn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TURN REST secrets: the configured ones, or else one generated on first start and kept in a
 * file readable only by its owner, so credentials handed out before a restart stay valid after it.
 */
public final class TurnSecrets {

  private static final Logger log = LoggerFactory.getLogger(TurnSecrets.class);

  private TurnSecrets() {}

  /** {@code configured} when it is not empty; otherwise the secret in {@code file}, made if missing. */
  public static List<String> resolve(List<String> configured, Path file) {
    if (!configured.isEmpty()) {
      return configured;
    }
    try {
      if (Files.exists(file)) {
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() >= 16) {
          return List.of(secret);
        }
        throw new IllegalStateException("the TURN secret in " + file + " is shorter than 16 characters");
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".turn-secret", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.warn("cannot restrict {} to its owner on this file system", temporary);
      }
      Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      log.info("generated a TURN secret in {}", file);
      return List.of(secret);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the TURN secret file " + file + ": " + e.getMessage(), e);
    }
  }
}
