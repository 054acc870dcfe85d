package dev.junction.server.cli;

import dev.junction.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the server's configuration comes from. Mixed into both {@code junction} and
 * {@code junction run}, so {@code junction --config x.yml} works as well as {@code junction run --config x.yml}.
 */
final class RunOptions {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML config file; default: the JUNCTION_CONFIG environment variable, else none.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set http.port=9000; repeatable, applied last.")
  List<String> overrides = new ArrayList<>();

  /** The file named by this flag, else by the outer command's, else by JUNCTION_CONFIG. */
  Path configFile(RunOptions outer, Map<String, String> env) {
    if (configFile != null) {
      return configFile;
    }
    if (outer != null && outer.configFile != null) {
      return outer.configFile;
    }
    String fromEnv = env.get(ConfigLoader.CONFIG_FILE_VARIABLE);
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  /** The outer command's overrides first, so the ones given after {@code run} win. */
  List<String> overrides(RunOptions outer) {
    List<String> all = new ArrayList<>();
    if (outer != null) {
      all.addAll(outer.overrides);
    }
    all.addAll(overrides);
    return all;
  }
}
