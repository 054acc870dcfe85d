package dev.junction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-machine CPU time from the first line of /proc/stat, in seconds summed over all cores:
 * time in processes (user, nice, system) and time in interrupt handlers (irq, softirq: on
 * loopback that is mostly the network stack carrying the benchmark's own traffic). Over a window,
 * process time minus the server's and the load generator's own CPU is what other programs took.
 * The idle counters are not used: on this kernel they can run ahead while a core sleeps.
 */
public final class MachineCpu {

  /** Process and interrupt seconds. */
  public record Sample(double processes, double interrupts) {
    public Sample minus(Sample earlier) {
      return new Sample(processes - earlier.processes, interrupts - earlier.interrupts);
    }
  }

  private final double ticksPerSecond;

  public MachineCpu(double ticksPerSecond) {
    this.ticksPerSecond = ticksPerSecond;
  }

  /** Now, or NaN values if /proc/stat cannot be read. */
  public Sample sample() {
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
    long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
    long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
    return new Sample((user + nice + system) / ticksPerSecond, (irq + softirq) / ticksPerSecond);
  }
}
