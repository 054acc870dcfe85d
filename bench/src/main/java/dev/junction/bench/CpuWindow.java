package dev.junction.bench;

/**
 * CPU used over one measurement window by the server under test, by this load generator and by
 * the whole machine, so a report can say how much other programs took: on a shared machine a
 * starved run shows up as a high "others" figure instead of as a mysteriously low rate.
 */
public final class CpuWindow {

  /** What the window used, in CPU seconds (server NaN when no server pid was given). */
  public record Use(double serverSeconds, double clientSeconds, MachineCpu.Sample machine) {

    /** CPU seconds that programs other than the server and this load generator took. */
    public double othersSeconds() {
      double server = Double.isNaN(serverSeconds) ? 0 : serverSeconds;
      return Math.max(0, machine.processes() - server - clientSeconds);
    }
  }

  private final ProcessCpu server;
  private final ProcessCpu self;
  private final MachineCpu machineCpu;
  private final double server0;
  private final double self0;
  private final MachineCpu.Sample machine0;

  private CpuWindow(long serverPid, double clkTck) {
    server = serverPid > 0 ? new ProcessCpu(serverPid, clkTck) : null;
    self = ProcessCpu.self(clkTck);
    machineCpu = new MachineCpu(clkTck);
    server0 = serverSeconds();
    self0 = self.seconds();
    machine0 = machineCpu.sample();
  }

  /** Opens a window now; {@code serverPid <= 0} measures no server. */
  public static CpuWindow start(long serverPid, double clkTck) {
    return new CpuWindow(serverPid, clkTck);
  }

  /** What was used since {@link #start}. */
  public Use end() {
    return new Use(serverSeconds() - server0, self.seconds() - self0, machineCpu.sample().minus(machine0));
  }

  private double serverSeconds() {
    return server == null ? Double.NaN : server.seconds();
  }
}
