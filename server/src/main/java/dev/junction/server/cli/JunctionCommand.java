package dev.junction.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code junction}: with no command it runs the server, like {@code junction run}. */
@Command(
    name = "junction",
    mixinStandardHelpOptions = true,
    versionProvider = JunctionVersion.class,
    description = {
      "A self-hosted WebRTC server: signaling, STUN/TURN and a camera gateway in one process.",
      "With no command, runs the server (the same as 'junction run').",
      "Settings and their environment variables: docs/CONFIG.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, or the server stopped gracefully",
      "1:the server or command failed",
      "2:bad command line or configuration"
    })
final class JunctionCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, not only its message.")
  boolean verbose;

  @Spec CommandSpec spec;

  private final Map<String, String> env;

  JunctionCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    return RunCommand.serve(
        options.configFile(null, env), options.overrides(null), env, spec.commandLine().getOut());
  }
}
