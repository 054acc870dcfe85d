package dev.junction.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which peers an allocation may relay to. Deny by default what a relay must never reach: a TURN
 * server inside a network is otherwise a proxy into it ("SSRF on steroids": Slack's TURN into
 * 169.254.169.254). Checked on every XOR-PEER-ADDRESS of CreatePermission, ChannelBind and Send,
 * after {@link PeerAddresses#canonical} has unwrapped IPv4-in-IPv6 forms.
 *
 * <p>The rules, first match wins:
 * <ol>
 *   <li>always refused: unspecified ({@code 0.0.0.0/8}, {@code ::}), broadcast, and IPv6
 *       tunnels that could loop traffic back (6to4 {@code 2002::/16}, Teredo {@code 2001::/32});
 *   <li>loopback ({@code 127.0.0.0/8}, {@code ::1}): only with the test switch, which logs a warning;
 *   <li>the configured allow ranges: allowed;
 *   <li>the server's own addresses: refused, except a relay address at a port of the relay range
 *       (another allocation's relayed address: two clients that both relay through us);
 *   <li>the configured deny ranges and the defaults (link-local including the cloud metadata
 *       address, multicast, unique-local and site-local IPv6, reserved 240/4): refused;
 *   <li>anything else, RFC 1918 private addresses included (LAN deployments relay to them;
 *       add them to the deny ranges where the relay must not reach the LAN): allowed.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class PeerAddressPolicy {

  private static final Logger log = LoggerFactory.getLogger(PeerAddressPolicy.class);

  static final List<IpRange> ALWAYS_DENIED = ranges(
      "0.0.0.0/8", "255.255.255.255/32", "::/128", "2002::/16", "2001::/32");
  static final List<IpRange> LOOPBACK = ranges("127.0.0.0/8", "::1/128");
  static final List<IpRange> DEFAULT_DENIED = ranges(
      "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8");

  /** Why a peer was refused, for the 403 reason phrase and the rejections metric. */
  public enum Verdict {
    ALLOWED, UNSPECIFIED_OR_TUNNEL, LOOPBACK, OWN_ADDRESS, DENIED_RANGE;

    public boolean allowed() {
      return this == ALLOWED;
    }
  }

  private final boolean allowLoopback;
  private final List<IpRange> allowed;
  private final List<IpRange> denied;
  private final Set<InetAddress> ownAddresses;
  private final Set<InetAddress> relayAddresses;
  private final int minRelayPort;
  private final int maxRelayPort;

  /**
   * @param allowLoopback the test-only switch: relay to loopback peers (turnutils_peer on 127.0.0.1)
   * @param allowRanges ranges allowed even if a default or configured deny range covers them
   * @param denyRanges ranges refused in addition to the defaults
   * @param ownAddresses the server's addresses (listeners, interfaces, external), refused as peers
   * @param relayAddresses the addresses relayed transport addresses use
   * @param minRelayPort lowest relay port
   * @param maxRelayPort highest relay port
   */
  public PeerAddressPolicy(boolean allowLoopback, List<IpRange> allowRanges, List<IpRange> denyRanges,
      Set<InetAddress> ownAddresses, Set<InetAddress> relayAddresses, int minRelayPort, int maxRelayPort) {
    this.allowLoopback = allowLoopback;
    this.allowed = List.copyOf(allowRanges);
    this.denied = Stream.concat(DEFAULT_DENIED.stream(), denyRanges.stream()).toList();
    this.ownAddresses = ownAddresses.stream().map(PeerAddresses::canonical).collect(Collectors.toUnmodifiableSet());
    this.relayAddresses = relayAddresses.stream().map(PeerAddresses::canonical).collect(Collectors.toUnmodifiableSet());
    this.minRelayPort = minRelayPort;
    this.maxRelayPort = maxRelayPort;
    if (allowLoopback) {
      log.warn("TURN relays to loopback peers: a test-only setting (turn.allowLoopbackPeers); never enable it in production");
    }
  }

  /** The verdict for relaying to {@code peer}. */
  public Verdict check(InetSocketAddress peer) {
    InetAddress ip = peer.getAddress();
    if (anyContains(ALWAYS_DENIED, ip)) {
      return Verdict.UNSPECIFIED_OR_TUNNEL;
    }
    InetAddress address = PeerAddresses.canonical(ip);
    if (anyContains(ALWAYS_DENIED, address)) {
      return Verdict.UNSPECIFIED_OR_TUNNEL;
    }
    if (anyContains(LOOPBACK, address)) {
      return allowLoopback ? Verdict.ALLOWED : Verdict.LOOPBACK;
    }
    if (anyContains(allowed, address)) {
      return Verdict.ALLOWED;
    }
    if (relayAddresses.contains(address) && peer.getPort() >= minRelayPort && peer.getPort() <= maxRelayPort) {
      return Verdict.ALLOWED;
    }
    if (ownAddresses.contains(address) || relayAddresses.contains(address)) {
      return Verdict.OWN_ADDRESS;
    }
    return anyContains(denied, address) ? Verdict.DENIED_RANGE : Verdict.ALLOWED;
  }

  private static boolean anyContains(List<IpRange> ranges, InetAddress address) {
    for (IpRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static List<IpRange> ranges(String... cidrs) {
    return Stream.of(cidrs).map(IpRange::parse).toList();
  }
}
