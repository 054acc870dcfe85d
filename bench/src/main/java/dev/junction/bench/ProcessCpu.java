package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) of a process from /proc/PID/stat, in seconds. Linux only. */
final class ProcessCpu {

  private final Path stat;
  private final double ticksPerSecond;

  ProcessCpu(long pid, double ticksPerSecond) {
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.ticksPerSecond = ticksPerSecond;
  }

  static ProcessCpu self(double ticksPerSecond) {
    return new ProcessCpu(ProcessHandle.current().pid(), ticksPerSecond);
  }

  /** Seconds of CPU used so far, or NaN if the process is gone. */
  double seconds() {
    try {
      return parse(Files.readString(stat), ticksPerSecond);
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** utime and stime are fields 14 and 15; field 2 (the command) may contain spaces, so count after its ')'. */
  static double parse(String statLine, double ticksPerSecond) {
    String rest = statLine.substring(statLine.lastIndexOf(')') + 2);
    String[] f = rest.trim().split(" +");
    // rest starts at field 3 (state): utime = field 14 -> index 11, stime = field 15 -> index 12
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) / ticksPerSecond;
  }
}
