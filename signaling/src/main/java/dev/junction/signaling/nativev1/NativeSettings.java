package dev.junction.signaling.nativev1;

import java.util.Objects;

/**
 * The knobs of the native protocol.
 *
 * @param roomCapacity members one room holds; the next join is refused with {@code room-full}
 * @param maxRoomsPerPeer rooms one session may be in at once
 * @param maxRooms rooms that may exist at once (clients choose room names)
 * @param resumeGraceMillis how long a session whose connection dropped waits for a resume
 * @param helloTimeoutMillis a connection that sends no {@code hello} or {@code resume} within this is closed
 * @param ackWindow frames sent to a client and not yet acknowledged; further frames wait until it acks
 * @param queueMaxMessages relayed messages waiting for one recipient; the next is refused with an expiry notice
 * @param queueMaxBytes UTF-8 bytes of relayed messages waiting for one recipient
 * @param queueTtlMillis a relayed message not sent within this expires and its sender is told
 * @param duplicateIdentity what a hello with an identity already held does
 * @param tokenRequired whether a hello must present a token ({@code auth.mode: jwt})
 */
public record NativeSettings(
    int roomCapacity,
    int maxRoomsPerPeer,
    int maxRooms,
    long resumeGraceMillis,
    long helloTimeoutMillis,
    int ackWindow,
    int queueMaxMessages,
    long queueMaxBytes,
    long queueTtlMillis,
    DuplicateIdentityPolicy duplicateIdentity,
    boolean tokenRequired) {

  public NativeSettings {
    requirePositive("roomCapacity", roomCapacity);
    requirePositive("maxRoomsPerPeer", maxRoomsPerPeer);
    requirePositive("maxRooms", maxRooms);
    requirePositive("resumeGraceMillis", resumeGraceMillis);
    requirePositive("helloTimeoutMillis", helloTimeoutMillis);
    requirePositive("ackWindow", ackWindow);
    requirePositive("queueMaxMessages", queueMaxMessages);
    requirePositive("queueMaxBytes", queueMaxBytes);
    requirePositive("queueTtlMillis", queueTtlMillis);
    Objects.requireNonNull(duplicateIdentity, "duplicateIdentity");
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
