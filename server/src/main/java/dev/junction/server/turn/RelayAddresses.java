package dev.junction.server.turn;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** This machine's addresses, for choosing a relay address and for refusing ourselves as a peer. */
final class RelayAddresses {

  private RelayAddresses() {}

  /** Every address of every interface that is up, loopback included. */
  static Set<InetAddress> local() {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // No interface list: the configured addresses are all we know.
    }
    return addresses;
  }

  /** The first non-loopback, non-link-local IPv4 address of an interface that is up. */
  static Optional<InetAddress> firstRoutableIpv4() {
    return local().stream()
        .filter(address -> address instanceof Inet4Address)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .findFirst();
  }

  static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + address, e);
    }
  }
}
