package dev.junction.server.config;

import java.util.List;

/**
 * The built-in STUN/TURN server (RFC 8489, RFC 8656).
 *
 * @param enabled run it at all
 * @param realm the REALM of long-term credentials
 * @param listenHost address the STUN/TURN listeners bind
 * @param port UDP and TCP port for STUN and TURN; 0 picks a free port (tests)
 * @param tlsPort TURN over TLS, on when {@code http.tls} has a certificate; 0 picks a free port
 * @param externalAddress the address clients reach us at, put in relay addresses and ICE URLs;
 *     empty: the relay address
 * @param relayAddress the IPv4 address relay sockets bind; empty: {@code listenHost} when it is a
 *     specific address, else the first non-loopback IPv4 address of this machine
 * @param relayAddressV6 the IPv6 address relay sockets bind; empty: no IPv6 relays (440)
 * @param minPort lowest relay port
 * @param maxPort highest relay port
 * @param secrets TURN REST API secrets (coturn's static-auth-secret); the first mints, all verify;
 *     empty: one is generated on first start and kept in {@code turn.secretFile}
 * @param secretFile where the generated secret is kept
 * @param users long-term users with static passwords
 * @param credentialTtlSeconds lifetime of the credentials {@code /api/ice-servers} mints
 * @param maxAllocationLifetimeSeconds the most a client may ask for (RFC 8656: 3600)
 * @param maxAllocationsPerUser allocations one username may hold (486 beyond)
 * @param maxAllocations allocations in total (486 beyond)
 * @param maxPermissionsPerAllocation peers one allocation may have permissions for (508 beyond)
 * @param bandwidthBytesPerSecond relayed bytes per second per allocation, each direction; excess is dropped
 * @param unauthenticatedPerIpPerSecond 401 and 438 answers per second to one source address
 * @param nonceLifetimeSeconds after this a nonce is stale (438)
 * @param allowLoopbackPeers TEST ONLY: relay to loopback peers
 * @param allowedPeerRanges CIDR ranges relayed to even when a deny range covers them
 * @param deniedPeerRanges CIDR ranges refused in addition to the built-in deny list
 */
public record TurnConfig(
    boolean enabled,
    String realm,
    String listenHost,
    int port,
    int tlsPort,
    String externalAddress,
    String relayAddress,
    String relayAddressV6,
    int minPort,
    int maxPort,
    List<String> secrets,
    String secretFile,
    List<TurnUser> users,
    int credentialTtlSeconds,
    int maxAllocationLifetimeSeconds,
    int maxAllocationsPerUser,
    int maxAllocations,
    int maxPermissionsPerAllocation,
    int bandwidthBytesPerSecond,
    int unauthenticatedPerIpPerSecond,
    int nonceLifetimeSeconds,
    boolean allowLoopbackPeers,
    List<String> allowedPeerRanges,
    List<String> deniedPeerRanges) {

  /** A long-term TURN user with a static password. */
  public record TurnUser(String username, String password) {}
}
