package dev.junction.server.cli;

import dev.junction.server.config.ConfigException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The jar's entry point: {@code junction [run | dev-cert | help]}. An error prints one line to
 * stderr (the stack trace too with {@code --verbose}) and exits with 2 for a bad command line or
 * configuration, 1 for any other failure.
 */
public final class Main {

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    // After 'run' returns, the JVM is already shutting down; exit() then just waits for the hooks.
    System.exit(
        execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line and returns its exit code; {@code run} returns only once the server stopped. */
  public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    return execute(env, System.in, out, err, args);
  }

  /** {@link #execute(Map, PrintWriter, PrintWriter, String...)} with {@code stdin} for commands that read it. */
  static int execute(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli =
        new CommandLine(new JunctionCommand(env))
            .addSubcommand(new RunCommand(env))
            .addSubcommand(new DevCertCommand())
            .addSubcommand(new HashPasswordCommand(stdin))
            .addSubcommand(new CommandLine.HelpCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(Main::failure);
    return cli.execute(args);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String hint = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      hint = "did you mean " + String.join(" or ", unmatched.getSuggestions()) + "? " + hint;
    }
    command.getErr().println("junction: " + e.getMessage() + " (" + hint + ")");
    return EXIT_USAGE;
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("junction: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
    if (verbose(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof ConfigException ? EXIT_USAGE : EXIT_FAILURE;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
