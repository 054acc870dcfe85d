package dev.junction.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Datagrams the kernel dropped at UDP sockets because their receive buffer was full: the last
 * column of {@code /proc/net/udp} (IPv4), per socket. Summed over the viewers' sockets it says
 * whether a loss happened because the load generator did not read in time; over the media port's
 * sockets, whether the gateway did not.
 */
final class UdpDrops {

  private UdpDrops() {}

  /** Drops so far at the sockets bound to {@code ports}, or -1 when /proc/net/udp cannot be read. */
  static long at(Set<Integer> ports) {
    try {
      return sum(Files.readAllLines(Path.of("/proc/net/udp")), ports);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Sums the drops column of the lines whose local port is in {@code ports}. A line is
   * {@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
   * ref pointer drops}, addresses as {@code HEXADDR:HEXPORT}; the header line is skipped.
   */
  static long sum(List<String> lines, Set<Integer> ports) {
    long drops = 0;
    for (String line : lines) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 13 || !fields[0].endsWith(":")) {
        continue;
      }
      String local = fields[1];
      int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
      if (ports.contains(port)) {
        drops += Long.parseLong(fields[12]);
      }
    }
    return drops;
  }
}
