package dev.junction.server.cli;

import dev.junction.server.JunctionServer;
import dev.junction.server.config.ConfigLoader;
import dev.junction.server.config.JunctionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code junction run}: loads the configuration, starts the server, prints where to open it, and
 * keeps the main thread until a shutdown hook (Ctrl+C, SIGTERM) has stopped it gracefully.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = JunctionVersion.class,
    description = "Start the server; Ctrl+C or SIGTERM stops it gracefully.")
final class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @ParentCommand JunctionCommand parent;

  @Spec CommandSpec spec;

  private final Map<String, String> env;

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve(
        options.configFile(parent.options, env),
        options.overrides(parent.options),
        env,
        spec.commandLine().getOut());
  }

  /** Runs the server until the JVM shuts down; a bad configuration throws before anything starts. */
  static int serve(Path configFile, List<String> overrides, Map<String, String> env, PrintWriter out)
      throws InterruptedException {
    JunctionConfig config = ConfigLoader.load(configFile, env, overrides);
    JunctionServer server = JunctionServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping: finishing open work for up to "
                      + config.http().shutdownGraceMillis() + " ms");
                  server.stop();
                  stopped.countDown();
                },
                "junction-shutdown"));
    printBanner(out, config, server);
    stopped.await();
    return 0;
  }

  private static void printBanner(PrintWriter out, JunctionConfig config, JunctionServer server) {
    out.println("Junction " + JunctionVersion.current() + " is running. Open:");
    for (String url : server.urls()) {
      out.println("  " + url);
    }
    server.gateway().map(g -> g.devUserLine()).ifPresent(line -> out.println(line));
    if (!config.http().tls().enabled()) {
      out.println("Browsers allow cameras only on https:// or localhost: to call from another device,");
      out.println("run 'junction dev-cert' and turn HTTPS on as it explains.");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
  }
}
