package dev.junction.signaling;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lobby and the named rooms of one dialect. A named room exists while it has members: it is
 * made by the first peer that enters and dropped when the last one leaves. The number of rooms is
 * bounded because clients choose room names.
 *
 * <p>Thread-safe: entering and leaving a named room are atomic with its creation and removal.
 *
 * @param <P> the dialect's peer type
 */
public final class Rooms<P> {

  /** The name of the room a peer enters when it names none. */
  public static final String LOBBY = "lobby";

  private final NamePolicy namePolicy;
  private final int maxRooms;
  private final Room<P> lobby;
  private final ConcurrentHashMap<String, Room<P>> named = new ConcurrentHashMap<>();

  public Rooms(NamePolicy namePolicy, int maxRooms) {
    if (maxRooms <= 0) {
      throw new IllegalArgumentException("maxRooms must be > 0, got " + maxRooms);
    }
    this.namePolicy = namePolicy;
    this.maxRooms = maxRooms;
    this.lobby = new Room<>(LOBBY, namePolicy);
  }

  /**
   * Puts {@code peer} into the room called {@code roomName} (the lobby when null), making the room
   * if needed. Empty when the room would be new and {@code maxRooms} rooms already exist.
   */
  public Optional<Room<P>> enter(String roomName, P peer) {
    if (roomName == null || roomName.equals(LOBBY)) {
      lobby.enter(peer);
      return Optional.of(lobby);
    }
    if (!Names.isValidRoomName(roomName)) {
      throw new IllegalArgumentException("invalid room name: " + roomName);
    }
    Room<P> room = named.compute(roomName, (key, existing) -> {
      if (existing == null && named.size() >= maxRooms) {
        return null;
      }
      Room<P> target = existing != null ? existing : new Room<>(key, namePolicy);
      target.enter(peer);
      return target;
    });
    return Optional.ofNullable(room);
  }

  /** Takes {@code peer} out of {@code room}, dropping a named room that becomes empty. */
  public void leave(Room<P> room, P peer) {
    if (room == lobby) {
      lobby.leave(peer);
      return;
    }
    named.computeIfPresent(room.name(), (key, existing) -> {
      existing.leave(peer);
      return existing.isEmpty() ? null : existing;
    });
  }

  public Room<P> lobby() {
    return lobby;
  }

  /** Named rooms that exist now (the lobby not counted). */
  public int namedRoomCount() {
    return named.size();
  }
}
