package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc/PID/stat}: utime and stime, in clock ticks. */
public record ProcStat(long userTicks, long systemTicks) {

  public long totalTicks() {
    return userTicks + systemTicks;
  }

  /**
   * Parses one {@code /proc/PID/stat} line. The command name (field 2) is in parentheses and may
   * hold spaces and parentheses itself, so fields are counted after the last ')': utime and
   * stime are fields 14 and 15 of proc(5), the 12th and 13th after the name.
   */
  public static ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + line);
    }
    String[] fields = line.substring(close + 1).trim().split("\\s+");
    if (fields.length < 13) {
      throw new IllegalArgumentException("too few fields in /proc/PID/stat line: " + line);
    }
    return new ProcStat(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
  }

  public static ProcStat read(long pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  /** The CPU used between {@code before} and this, in seconds. */
  public double secondsSince(ProcStat before, int ticksPerSecond) {
    return (double) (totalTicks() - before.totalTicks()) / ticksPerSecond;
  }
}
