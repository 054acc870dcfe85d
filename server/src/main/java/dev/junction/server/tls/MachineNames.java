package dev.junction.server.tls;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The names a browser may use to reach this machine: from itself ({@code localhost}, loopback
 * addresses) and from the LAN (the hostname and each interface's address).
 *
 * @param dnsNames host names, {@code localhost} first
 * @param addresses IP addresses, loopback first, each without an IPv6 zone
 */
public record MachineNames(List<String> dnsNames, List<InetAddress> addresses) {

  public MachineNames {
    dnsNames = List.copyOf(dnsNames);
    addresses = List.copyOf(addresses);
  }

  /** localhost, the hostname, 127.0.0.1, ::1 and the addresses of every interface that is up. */
  public static MachineNames discover() {
    Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
    hostname().ifPresent(dns::add);
    Set<InetAddress> addresses = new LinkedHashSet<>();
    addresses.add(InetAddress.getLoopbackAddress());
    addresses.add(address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    interfaceAddresses().forEach(addresses::add);
    return new MachineNames(new ArrayList<>(dns), new ArrayList<>(addresses));
  }

  /** Every name and address as a person would type it, for printing. */
  public List<String> all() {
    return Stream.concat(dnsNames.stream(), addresses.stream().map(MachineNames::text)).toList();
  }

  /** RFC 5952 4.2.3: the longest run of two or more zero groups, the first on a tie, becomes "::". */
  static String text(InetAddress address) {
    String full = address.getHostAddress();
    if (!(address instanceof Inet6Address)) {
      return full;
    }
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int start = 0; start < groups.length; start++) {
      int length = 0;
      while (start + length < groups.length && groups[start + length].equals("0")) {
        length++;
      }
      if (length > bestLength) {
        bestStart = start;
        bestLength = length;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    return String.join(":", List.of(groups).subList(0, bestStart))
        + "::"
        + String.join(":", List.of(groups).subList(bestStart + bestLength, groups.length));
  }

  private static Optional<String> hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.isBlank() ? Optional.empty() : Optional.of(name);
    } catch (UnknownHostException e) {
      // A hostname that does not resolve is of no use in a URL either; the addresses still are.
      return Optional.empty();
    }
  }

  private static Stream<InetAddress> interfaceAddresses() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(MachineNames::isUp)
          .flatMap(NetworkInterface::inetAddresses)
          // Link-local addresses need a zone (fe80::1%eth0) that browsers do not accept in URLs.
          .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
          .map(a -> address(a.getAddress()));
    } catch (SocketException e) {
      return Stream.empty();
    }
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + bytes.length + " bytes", e);
    }
  }
}
