package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) of a process from /proc/PID/stat, in seconds. Linux only. */
public final class ProcessCpu {

  private final Path stat;
  private final double ticksPerSecond;

  public ProcessCpu(long pid, double ticksPerSecond) {
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.ticksPerSecond = ticksPerSecond;
  }

  public static ProcessCpu self(double ticksPerSecond) {
    return new ProcessCpu(ProcessHandle.current().pid(), ticksPerSecond);
  }

  /** Seconds of CPU used so far, or NaN if the process is gone. */
  public double seconds() {
    try {
      return parse(Files.readString(stat), ticksPerSecond);
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** The CPU seconds (user + system) in one {@code /proc/PID/stat} line. */
  static double parse(String statLine, double ticksPerSecond) {
    return ProcStat.parse(statLine).totalTicks() / ticksPerSecond;
  }
}
