package dev.junction.turn;

import java.net.InetAddress;

/**
 * The protocol engine's settings.
 *
 * @param relayV4 where IPv4 relay sockets bind
 * @param externalV4 the IPv4 address clients and peers reach relays at (XOR-RELAYED-ADDRESS)
 * @param relayV6 where IPv6 relay sockets bind, or null for no IPv6 relays (440)
 * @param externalV6 the advertised IPv6 relay address, or null
 * @param maxAllocationLifetimeSeconds the most LIFETIME a client gets
 * @param maxPermissionsPerAllocation peers per allocation (508 beyond)
 * @param bandwidthBytesPerSecond relayed bytes per second per allocation and direction
 */
public record TurnSettings(
    InetAddress relayV4,
    InetAddress externalV4,
    InetAddress relayV6,
    InetAddress externalV6,
    long maxAllocationLifetimeSeconds,
    int maxPermissionsPerAllocation,
    long bandwidthBytesPerSecond) {}
