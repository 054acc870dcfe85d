package dev.junction.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.gateway.auth.PasswordHashes;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** junction hash-password: a password on standard input, its Argon2id hash on standard output. */
class HashPasswordCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hash(String stdin) {
    return Main.execute(Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), "hash-password");
  }

  @Test
  void printsAnArgon2idHashThatVerifiesThePassword() {
    assertThat(hash("correct horse\n")).isZero();
    String printed = out.toString().trim();
    assertThat(printed).startsWith("$argon2id$v=19$");
    assertThat(PasswordHashes.verify("correct horse", printed)).isTrue();
    assertThat(PasswordHashes.verify("wrong horse", printed)).isFalse();
  }

  @Test
  void aShortOrMissingPasswordIsAUsageError() {
    assertThat(hash("short\n")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("at least 8 characters");
    assertThat(hash("")).isEqualTo(Main.EXIT_USAGE);
  }
}
