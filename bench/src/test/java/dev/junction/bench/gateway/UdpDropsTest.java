package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UdpDropsTest {

  /** Lines as Linux 6.1 writes /proc/net/udp: ports 0x2710 (10000), 0xD431 (54321), 0x0035 (53). */
  private static final List<String> PROC_NET_UDP = List.of(
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
      "  101: 0100007F:2710 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81234 2 0000000000000000 17",
      "  102: 0100007F:D431 0100007F:2710 01 00000000:00030000 00:00000000 00000000     0        0 81235 2 0000000000000000 5",
      "  103: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81236 2 0000000000000000 900");

  @Test
  void sumsTheDropsOfTheSocketsBoundToThePorts() {
    assertThat(UdpDrops.sum(PROC_NET_UDP, Set.of(10_000))).isEqualTo(17);
    assertThat(UdpDrops.sum(PROC_NET_UDP, Set.of(10_000, 54_321))).isEqualTo(22);
    assertThat(UdpDrops.sum(PROC_NET_UDP, Set.of(1))).isZero();
  }

  @Test
  void readsThisMachinesTable() {
    assertThat(UdpDrops.at(Set.of())).isZero();
  }
}
