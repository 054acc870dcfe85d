package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay's peer policy: the CVE-2020-26262 and CVE-2026-27624 matrix, and the operator's ranges. */
class PeerAddressPolicyTest {

  private static final InetAddress OWN = Addresses.literal("203.0.113.10");
  private static final InetAddress RELAY = Addresses.literal("203.0.113.20");
  private final PeerAddressPolicy defaults = policy(false, List.of(), List.of());

  private static PeerAddressPolicy policy(boolean allowLoopback, List<IpRange> allow, List<IpRange> deny) {
    return new PeerAddressPolicy(allowLoopback, allow, deny, Set.of(OWN), Set.of(RELAY), 49152, 65535);
  }

  /** A peer at a port outside the relay range. */
  private static InetSocketAddress peer(String literal) {
    return new InetSocketAddress(Addresses.literal(literal), 3480);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {
      "127.0.0.1", "127.0.0.8", "127.255.255.254", "::1", "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1",
      "0.0.0.0", "0.1.2.3", "::", "::ffff:0.0.0.0",
      "169.254.169.254", "::ffff:169.254.169.254", "169.254.0.1", "fe80::1",
      "224.0.0.1", "239.255.255.254", "ff02::1", "255.255.255.255", "240.0.0.1",
      "fd00::1", "fc00::1", "fec0::1",
      "2002:7f00:1::1", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
      "203.0.113.10", "::ffff:203.0.113.10", "203.0.113.20"})
  void refusedByDefault(String peer) {
    assertThat(defaults.check(peer(peer)).allowed()).isFalse();
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(strings = {"8.8.8.8", "192.168.1.20", "10.0.0.5", "172.16.3.4", "2001:db8::1", "2a00:1450::1", "::ffff:8.8.8.8"})
  void allowedByDefault(String peer) {
    assertThat(defaults.check(peer(peer)).allowed()).isTrue();
  }

  @Test
  void anotherAllocationsRelayedAddressIsAllowedButNoOtherPortOfTheServer() {
    assertThat(defaults.check(new InetSocketAddress(RELAY, 50000)).allowed()).isTrue();
    assertThat(defaults.check(new InetSocketAddress(RELAY, 3478)).allowed()).isFalse();
    assertThat(defaults.check(new InetSocketAddress(RELAY, 8080)).allowed()).isFalse();
    assertThat(defaults.check(new InetSocketAddress(OWN, 50000)).allowed()).isFalse();
  }

  @Test
  void verdictsNameTheRuleThatRefused() {
    assertThat(defaults.check(peer("::ffff:127.0.0.1"))).isEqualTo(PeerAddressPolicy.Verdict.LOOPBACK);
    assertThat(defaults.check(peer("0.0.0.0"))).isEqualTo(PeerAddressPolicy.Verdict.UNSPECIFIED_OR_TUNNEL);
    assertThat(defaults.check(peer("203.0.113.10"))).isEqualTo(PeerAddressPolicy.Verdict.OWN_ADDRESS);
    assertThat(defaults.check(peer("169.254.169.254"))).isEqualTo(PeerAddressPolicy.Verdict.DENIED_RANGE);
  }

  @Test
  void theTestSwitchAllowsLoopbackInEveryFormButNotUnspecified() {
    PeerAddressPolicy testing = policy(true, List.of(), List.of());
    assertThat(testing.check(peer("127.0.0.1")).allowed()).isTrue();
    assertThat(testing.check(peer("::ffff:127.0.0.1")).allowed()).isTrue();
    assertThat(testing.check(peer("::1")).allowed()).isTrue();
    assertThat(testing.check(peer("0.0.0.0")).allowed()).isFalse();
    assertThat(testing.check(peer("::")).allowed()).isFalse();
  }

  @Test
  void configuredDenyRangesAddToTheDefaultsAndMatchMappedForms() {
    PeerAddressPolicy policy = policy(false, List.of(), List.of(IpRange.parse("10.0.0.0/8")));
    assertThat(policy.check(peer("10.1.2.3")).allowed()).isFalse();
    assertThat(policy.check(peer("::ffff:10.1.2.3")).allowed()).isFalse();
    assertThat(policy.check(peer("192.168.0.1")).allowed()).isTrue();
  }

  @Test
  void configuredAllowRangesOverrideTheDenyListButNotLoopbackOrUnspecified() {
    PeerAddressPolicy policy = policy(false,
        List.of(IpRange.parse("fd00::/8"), IpRange.parse("127.0.0.0/8"), IpRange.parse("0.0.0.0/0")), List.of());
    assertThat(policy.check(peer("fd00::1")).allowed()).isTrue();
    assertThat(policy.check(peer("127.0.0.1")).allowed()).isFalse();
    assertThat(policy.check(peer("0.0.0.0")).allowed()).isFalse();
  }

}
