package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay's peer policy: the CVE-2020-26262 and CVE-2026-27624 matrix, and the operator's ranges. */
class PeerAddressPolicyTest {

  private static final InetAddress OWN = address("203.0.113.10");
  private final PeerAddressPolicy defaults = new PeerAddressPolicy(false, List.of(), List.of(), Set.of(OWN));

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {
      "127.0.0.1", "127.0.0.8", "127.255.255.254", "::1", "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1",
      "0.0.0.0", "0.1.2.3", "::", "::ffff:0.0.0.0",
      "169.254.169.254", "::ffff:169.254.169.254", "169.254.0.1", "fe80::1",
      "224.0.0.1", "239.255.255.254", "ff02::1", "255.255.255.255", "240.0.0.1",
      "fd00::1", "fc00::1", "fec0::1",
      "2002:7f00:1::1", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
      "203.0.113.10", "::ffff:203.0.113.10"})
  void refusedByDefault(String peer) {
    assertThat(defaults.check(address(peer)).allowed()).isFalse();
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(strings = {"8.8.8.8", "192.168.1.20", "10.0.0.5", "172.16.3.4", "2001:db8::1", "2a00:1450::1", "::ffff:8.8.8.8"})
  void allowedByDefault(String peer) {
    assertThat(defaults.check(address(peer)).allowed()).isTrue();
  }

  @Test
  void verdictsNameTheRuleThatRefused() {
    assertThat(defaults.check(address("::ffff:127.0.0.1"))).isEqualTo(PeerAddressPolicy.Verdict.LOOPBACK);
    assertThat(defaults.check(address("0.0.0.0"))).isEqualTo(PeerAddressPolicy.Verdict.UNSPECIFIED_OR_TUNNEL);
    assertThat(defaults.check(address("203.0.113.10"))).isEqualTo(PeerAddressPolicy.Verdict.OWN_ADDRESS);
    assertThat(defaults.check(address("169.254.169.254"))).isEqualTo(PeerAddressPolicy.Verdict.DENIED_RANGE);
  }

  @Test
  void theTestSwitchAllowsLoopbackInEveryFormButNotUnspecified() {
    PeerAddressPolicy testing = new PeerAddressPolicy(true, List.of(), List.of(), Set.of());
    assertThat(testing.check(address("127.0.0.1")).allowed()).isTrue();
    assertThat(testing.check(address("::ffff:127.0.0.1")).allowed()).isTrue();
    assertThat(testing.check(address("::1")).allowed()).isTrue();
    assertThat(testing.check(address("0.0.0.0")).allowed()).isFalse();
    assertThat(testing.check(address("::")).allowed()).isFalse();
  }

  @Test
  void configuredDenyRangesAddToTheDefaultsAndMatchMappedForms() {
    PeerAddressPolicy policy = new PeerAddressPolicy(false, List.of(), List.of(IpRange.parse("10.0.0.0/8")), Set.of());
    assertThat(policy.check(address("10.1.2.3")).allowed()).isFalse();
    assertThat(policy.check(address("::ffff:10.1.2.3")).allowed()).isFalse();
    assertThat(policy.check(address("192.168.0.1")).allowed()).isTrue();
  }

  @Test
  void configuredAllowRangesOverrideTheDenyListButNotLoopbackOrUnspecified() {
    PeerAddressPolicy policy = new PeerAddressPolicy(false,
        List.of(IpRange.parse("fd00::/8"), IpRange.parse("127.0.0.0/8"), IpRange.parse("0.0.0.0/0")),
        List.of(), Set.of());
    assertThat(policy.check(address("fd00::1")).allowed()).isTrue();
    assertThat(policy.check(address("127.0.0.1")).allowed()).isFalse();
    assertThat(policy.check(address("0.0.0.0")).allowed()).isFalse();
  }

  /** Literals as written: {@code ::ffff:a.b.c.d} stays an Inet6Address, as a decoded XOR-PEER-ADDRESS is. */
  static InetAddress address(String literal) {
    return TurnPermissionTest.address(literal);
  }
}
