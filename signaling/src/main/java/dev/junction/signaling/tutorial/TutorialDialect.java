package dev.junction.signaling.tutorial;

import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Connection;
import dev.junction.signaling.Dialect;
import dev.junction.signaling.NamePolicy;
import dev.junction.signaling.Rooms;
import dev.junction.signaling.SignalingEvents;

/**
 * The protocol of the popular WebRTC tutorial servers: flaviocopes' ({@code login}, {@code
 * offer}, {@code answer}, {@code candidate}, {@code close}; fields {@code username} and {@code
 * otherUsername}) and its tutorialspoint sibling ({@code leave} instead of {@code close}, and
 * {@code name} for both the login name and the target). One adapter accepts both.
 *
 * <p>Kept: a duplicate login fails with {@code success:false}, an unknown target is dropped
 * silently, an unknown type gets {@code error "Command not found: <type>"}, the partner is told
 * when a peer leaves or its socket drops. Changed: every relayed message carries the sender's
 * name as the server knows it, and a message for an unknown partner no longer crashes the server.
 */
public final class TutorialDialect implements Dialect {

  public static final String NAME = "tutorial";

  private final Rooms<TutorialClient> rooms;
  private final SignalingEvents events;

  public TutorialDialect(int maxRooms, SignalingEvents events) {
    this.rooms = new Rooms<>(NamePolicy.REJECT, maxRooms);
    this.events = events;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Clients enter their room at login, not at connect: the tutorial protocol has no presence. */
  @Override
  public ClientSession open(Connection connection, String roomName) {
    return new TutorialClient(connection, roomName, rooms, events);
  }
}
