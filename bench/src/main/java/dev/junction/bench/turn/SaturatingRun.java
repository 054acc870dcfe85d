package dev.junction.bench.turn;

import dev.junction.bench.KeyValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@link RelayLoad} run against one server, read from the {@code relayload.*} lines the
 * script saved ({@code saturate-r<r>-<s>.txt}). Missing figures are NaN, and so is every figure
 * computed from one.
 *
 * @param present whether the file holds a finished run
 * @param echoed messages echoed back through the relay in the measured interval
 * @param seconds the measured interval (wall clock)
 * @param lost messages whose echo did not come back within RelayLoad's timeout
 * @param silentClients clients that got no echo at all in the interval (a broken setup, not load)
 * @param serverCpuSeconds the server's utime + stime over the interval
 * @param serverUserShare the user-mode share of that (0..1)
 * @param generatorCpuSeconds RelayLoad's own utime + stime over the interval
 */
record SaturatingRun(boolean present, double echoed, double seconds, double lost, double silentClients,
    double serverCpuSeconds, double serverUserShare, double generatorCpuSeconds) {

  static SaturatingRun read(Path file) throws IOException {
    KeyValues kv = KeyValues.read(file);
    return new SaturatingRun(Files.exists(file) && kv.string("relayload.rate") != null, number(kv, "echoed"),
        number(kv, "seconds"), number(kv, "lost"), number(kv, "silent_clients"), number(kv, "server_cpu_seconds"),
        number(kv, "server_user_share"), number(kv, "generator_cpu_seconds"));
  }

  private static double number(KeyValues kv, String name) {
    return kv.number("relayload." + name).orElse(Double.NaN);
  }

  /** Echoed messages per second. */
  double rate() {
    return seconds > 0 ? echoed / seconds : Double.NaN;
  }

  /** Server CPU seconds per 100,000 echoed messages. */
  double cpuPer100k() {
    return echoed > 0 ? serverCpuSeconds * 100_000 / echoed : Double.NaN;
  }

  /** The server's CPU seconds per second: 1.0 is one core busy all the time. */
  double serverCores() {
    return seconds > 0 ? serverCpuSeconds / seconds : Double.NaN;
  }

  /** The generator's CPU seconds per second. */
  double generatorCores() {
    return seconds > 0 ? generatorCpuSeconds / seconds : Double.NaN;
  }
}
