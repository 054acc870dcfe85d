package dev.junction.server.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret generated on first start and kept in a file only its owner may read, so what was
 * handed out before a restart (TURN credentials, bearer tokens, a printed password) still works
 * after it. Written atomically: a crash never leaves half a secret.
 */
public final class SecretFile {

  private static final Logger log = LoggerFactory.getLogger(SecretFile.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  /**
   * The secret in {@code file}, or a new one of {@code randomBytes} random bytes (URL-safe base64)
   * written there when the file does not exist.
   *
   * @param what names the secret in errors and logs, e.g. "TURN secret"
   * @param minLength a shorter secret in the file is refused
   * @throws IllegalStateException when the file cannot be read or written, or holds too short a secret
   */
  public static String readOrCreate(Path file, String what, int randomBytes, int minLength) {
    try {
      if (Files.exists(file)) {
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() < minLength) {
          throw new IllegalStateException("the " + what + " in " + file + " is shorter than " + minLength
              + " characters");
        }
        return secret;
      }
      byte[] random = new byte[randomBytes];
      RANDOM.nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".secret", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.warn("cannot restrict {} to its owner on this file system", temporary);
      }
      Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      log.info("generated a {} in {}", what, file);
      return secret;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }
}
