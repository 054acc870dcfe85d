package dev.junction.server.turn;

import dev.junction.server.secrets.SecretFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The TURN REST secrets: the configured ones, or else one generated on first start and kept in a
 * file, so credentials handed out before a restart stay valid after it.
 */
public final class TurnSecrets {

  private TurnSecrets() {}

  /** {@code configured} when it is not empty; otherwise the secret in {@code file}, made if missing. */
  public static List<String> resolve(List<String> configured, Path file) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return List.of(SecretFile.readOrCreate(file, "TURN secret", 32, 16));
  }
}
