package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-machine CPU time from the first line of /proc/stat, in seconds: busy (user, nice, system,
 * irq, softirq, steal) and idle (idle, iowait). Over a window, busy minus the server's and the load
 * generator's own CPU is what other programs on the machine took. Linux only.
 */
final class MachineCpu {

  /** Busy and idle seconds summed over all cores. */
  record Sample(double busy, double idle) {
    Sample minus(Sample earlier) {
      return new Sample(busy - earlier.busy, idle - earlier.idle);
    }
  }

  private final double ticksPerSecond;

  MachineCpu(double ticksPerSecond) {
    this.ticksPerSecond = ticksPerSecond;
  }

  /** Now, or NaN values if /proc/stat cannot be read. */
  Sample sample() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/stat")).get(0), ticksPerSecond);
    } catch (IOException | RuntimeException e) {
      return new Sample(Double.NaN, Double.NaN);
    }
  }

  static Sample parse(String cpuLine, double ticksPerSecond) {
    String[] f = cpuLine.trim().split(" +");
    if (!f[0].equals("cpu")) throw new IllegalArgumentException("not the /proc/stat cpu line: " + cpuLine);
    long user = Long.parseLong(f[1]);
    long nice = Long.parseLong(f[2]);
    long system = Long.parseLong(f[3]);
    long idle = Long.parseLong(f[4]);
    long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
    long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
    long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
    return new Sample((user + nice + system + irq + softirq + steal) / ticksPerSecond, (idle + iowait) / ticksPerSecond);
  }
}
