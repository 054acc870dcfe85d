package dev.junction.turn;

import dev.junction.turn.io.TurnListeners;
import java.time.Duration;

/**
 * Everything a {@link TurnServer} needs, assembled by the application.
 *
 * @param listen where to listen
 * @param settings relay addresses, lifetimes, per-allocation limits
 * @param credentials who may allocate
 * @param policy which peers may be relayed to
 * @param minPort lowest relay port
 * @param maxPort highest relay port
 * @param maxAllocationsPerUser allocations per user (486 beyond)
 * @param maxAllocations allocations in total (486 beyond)
 * @param unauthenticatedPerIpPerSecond 401/438 answers per source address per second
 * @param nonceKey the stateless-nonce key (share it between nodes behind one name)
 * @param nonceLifetime when a nonce turns stale
 * @param events metrics and logs
 * @param clockMillis wall clock in milliseconds ({@code System::currentTimeMillis}; tests move their own)
 */
public record TurnOptions(
    TurnListeners.Settings listen,
    TurnSettings settings,
    CredentialStore credentials,
    PeerAddressPolicy policy,
    int minPort,
    int maxPort,
    int maxAllocationsPerUser,
    int maxAllocations,
    int unauthenticatedPerIpPerSecond,
    byte[] nonceKey,
    Duration nonceLifetime,
    TurnEvents events,
    java.util.function.LongSupplier clockMillis) {}
