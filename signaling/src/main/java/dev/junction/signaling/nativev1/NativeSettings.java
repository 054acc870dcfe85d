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
 * @param lobby the room where everyone online meets, with a capacity of its own
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
    boolean tokenRequired,
    Lobby lobby) {

  /**
   * The lobby: a room like any other (same frames, same roles), except that it holds {@code
   * capacity} members instead of {@code roomCapacity}. Its members are not in a call with each
   * other: an app lists them, chats through the room, and calls whom the person picks, where a
   * mesh room of thousands would be unusable.
   *
   * @param name a valid room name
   * @param capacity members it holds; the next join is refused with {@code room-full}
   */
  public record Lobby(String name, int capacity) {

    public Lobby {
      Objects.requireNonNull(name, "name");
      requirePositive("lobby.capacity", capacity);
    }
  }

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
    Objects.requireNonNull(lobby, "lobby");
  }

  /** The members the room {@code roomName} holds: the lobby's capacity for the lobby, else {@code roomCapacity}. */
  public int capacityOf(String roomName) {
    return roomName.equals(lobby.name()) ? lobby.capacity() : roomCapacity;
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
