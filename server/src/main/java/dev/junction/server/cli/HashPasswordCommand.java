package dev.junction.server.cli;

import dev.junction.gateway.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code junction hash-password}: reads a password (never from the command line, where shell
 * history and {@code ps} would keep it) and prints its Argon2id hash for {@code gateway.users}.
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    versionProvider = JunctionVersion.class,
    description = {
      "Print the Argon2id hash of a password for gateway.users[].passwordHash.",
      "The password is asked for on the terminal, or read as one line from standard input:",
      "  echo -n 'secret' | junction hash-password"
    })
final class HashPasswordCommand implements Callable<Integer> {

  /** The shortest password accepted: a camera gateway is often reachable from the internet. */
  static final int MIN_LENGTH = 8;

  private final InputStream stdin;

  @Spec CommandSpec spec;

  HashPasswordCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    String password = read();
    if (password == null || password.length() < MIN_LENGTH) {
      throw new ParameterException(spec.commandLine(),
          "the password must be at least " + MIN_LENGTH + " characters");
    }
    spec.commandLine().getOut().println(PasswordHashes.hash(password));
    return 0;
  }

  private String read() throws IOException {
    Console console = System.console();
    if (console != null && stdin == System.in) {
      char[] typed = console.readPassword("Password: ");
      return typed == null ? null : new String(typed);
    }
    return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
  }
}
