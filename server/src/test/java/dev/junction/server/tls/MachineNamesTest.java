package dev.junction.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The names a development certificate covers. */
class MachineNamesTest {

  @Test
  void startsWithLocalhostAndBothLoopbackAddresses() throws Exception {
    MachineNames names = MachineNames.discover();

    assertThat(names.dnsNames()).first().isEqualTo("localhost");
    assertThat(names.addresses())
        .startsWith(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    assertThat(names.addresses()).doesNotHaveDuplicates();
    assertThat(names.addresses()).noneMatch(InetAddress::isLinkLocalAddress);
  }

  @Test
  void printsIpv6AddressesInTheirShortForm() throws Exception {
    assertThat(MachineNames.text(InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(MachineNames.text(InetAddress.getByName("fd00::2"))).isEqualTo("fd00::2");
    assertThat(MachineNames.text(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
        .as("the first of two equal runs")
        .isEqualTo("2001:db8::1:0:0:1");
    assertThat(MachineNames.text(InetAddress.getByName("2001:db8:1:0:1:1:1:1")))
        .as("a single zero group stays")
        .isEqualTo("2001:db8:1:0:1:1:1:1");
    assertThat(MachineNames.text(InetAddress.getByName("::"))).isEqualTo("::");
    assertThat(MachineNames.text(InetAddress.getByName("192.0.2.2"))).isEqualTo("192.0.2.2");
  }
}
