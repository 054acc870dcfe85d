package dev.junction.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives coturn's own test clients (Debian package {@code coturn}): {@code turnutils_peer} as the
 * echo peer and {@code turnutils_uclient} as the judge of a TURN server. Fails with what to
 * install when they are missing; never skips.
 */
public final class CoturnTools {

  private static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
  private static final Path PEER = Path.of("/usr/bin/turnutils_peer");

  /** What {@code turnutils_uclient} printed at the end of a run. */
  public record Result(long sentMessages, long receivedMessages, long sentBytes, long receivedBytes,
      long lostPackets, String output) {}

  private CoturnTools() {}

  public static void requireInstalled() {
    assertThat(Files.isExecutable(UCLIENT) && Files.isExecutable(PEER))
        .as("coturn's test tools are missing: apt-get install -y coturn (./junction test installs it)")
        .isTrue();
  }

  /** Starts an echo peer on 127.0.0.1:{@code port}; the caller destroys it. */
  public static Process startPeer(int port) throws IOException {
    requireInstalled();
    return new ProcessBuilder(PEER.toString(), "-L", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Runs {@code turnutils_uclient} with {@code arguments} (the server address last), bounded in time. */
  public static Result uclient(List<String> arguments, long timeoutSeconds) throws IOException, InterruptedException {
    requireInstalled();
    List<String> command = new ArrayList<>();
    // Line-buffered, so a run that hangs still shows how far it got.
    command.addAll(List.of("stdbuf", "-oL", "-eL"));
    command.add(UCLIENT.toString());
    command.addAll(arguments);
    Path log = Files.createTempFile("uclient", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("turnutils_uclient did not finish in " + timeoutSeconds + " s:\n" + tail(log));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0 && !output.contains("tot_recv_msgs")) {
        throw new AssertionError("turnutils_uclient failed with status " + process.exitValue() + ":\n" + tail(log));
      }
      return parse(output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Result parse(String output) {
    return new Result(
        last(output, "tot_send_msgs=(\\d+)"), last(output, "tot_recv_msgs=(\\d+)"),
        last(output, "tot_send_bytes ~ (\\d+)"), last(output, "tot_recv_bytes ~ (\\d+)"),
        last(output, "Total lost packets (\\d+)"), output);
  }

  private static long last(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    long value = -1;
    while (matcher.find()) {
      value = Long.parseLong(matcher.group(1));
    }
    return value;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
