package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRangeTest {

  @Test
  void containsAddressesUnderItsPrefix() {
    IpRange range = IpRange.parse("100.64.0.0/10");
    assertThat(range.contains(Addresses.literal("100.64.0.1"))).isTrue();
    assertThat(range.contains(Addresses.literal("100.127.255.254"))).isTrue();
    assertThat(range.contains(Addresses.literal("100.128.0.0"))).isFalse();
  }

  @Test
  void aBareAddressIsOneHostAndFamiliesNeverMix() {
    IpRange host = IpRange.parse("192.0.2.1");
    assertThat(host.prefixLength()).isEqualTo(32);
    assertThat(host.contains(Addresses.literal("192.0.2.1"))).isTrue();
    assertThat(IpRange.parse("::/0").contains(Addresses.literal("1.2.3.4"))).isFalse();
    assertThat(IpRange.parse("0.0.0.0/0").contains(Addresses.literal("::1"))).isFalse();
  }

  @Test
  void ipv6PrefixesWork() {
    IpRange ula = IpRange.parse("fc00::/7");
    assertThat(ula.contains(Addresses.literal("fd12:3456::1"))).isTrue();
    assertThat(ula.contains(Addresses.literal("fe00::1"))).isFalse();
  }

  @Test
  void refusesNamesAndBadPrefixesWithTheRule() {
    assertThatThrownBy(() -> IpRange.parse("example.org/8")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).hasMessage("prefix length must be 0..32, got 33");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.0/x")).hasMessageContaining("not a prefix length");
  }
}
