package dev.junction.signaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Peers that can see and reach each other by name: presence, identities and the name lookup that
 * routing uses. The lobby is a room too.
 *
 * <p>A peer enters without a name and may claim one later (MDN clients connect first and name
 * themselves second). Names are unique within the room, case-sensitively.
 *
 * <p>Thread-safety: membership and name changes are serialized by the room's monitor; {@link
 * #find} and {@link #members} are lock-free so the relay path never waits for a join.
 *
 * @param <P> the dialect's peer type
 */
public final class Room<P> {

  private final String name;
  private final NamePolicy namePolicy;

  /** Members in the order they entered; the value is the member's name, or null before it has one. */
  private final Map<P, String> namesInJoinOrder = new LinkedHashMap<>();

  private final ConcurrentHashMap<String, P> byName = new ConcurrentHashMap<>();
  private volatile List<P> members = List.of();
  private long renameSuffix = 1;

  public Room(String name, NamePolicy namePolicy) {
    this.name = Objects.requireNonNull(name, "name");
    this.namePolicy = Objects.requireNonNull(namePolicy, "namePolicy");
  }

  public String name() {
    return name;
  }

  /** Adds {@code peer} without a name. Entering twice is a programming error. */
  public synchronized void enter(P peer) {
    if (namesInJoinOrder.containsKey(peer)) {
      throw new IllegalStateException("peer already in room " + name);
    }
    namesInJoinOrder.put(peer, null);
    members = List.copyOf(namesInJoinOrder.keySet());
  }

  /**
   * Gives {@code peer}, a member, the name it asks for, or applies the room's {@link NamePolicy}
   * when another member has it. A peer asking for its own current name keeps it.
   */
  public synchronized NameClaim claimName(P peer, String requested) {
    if (!namesInJoinOrder.containsKey(peer)) {
      throw new IllegalStateException("peer is not in room " + name);
    }
    P holder = byName.get(requested);
    if (holder == peer) {
      return new NameClaim.Granted(requested, false);
    }
    String granted = requested;
    if (holder != null) {
      if (namePolicy == NamePolicy.REJECT) {
        return new NameClaim.Taken(requested);
      }
      do {
        granted = requested + renameSuffix++;
      } while (byName.containsKey(granted));
    }
    String previous = namesInJoinOrder.put(peer, granted);
    if (previous != null) {
      byName.remove(previous);
    }
    byName.put(granted, peer);
    return new NameClaim.Granted(granted, !granted.equals(requested));
  }

  /** Removes {@code peer} and frees its name; returns false if it was not a member. */
  public synchronized boolean leave(P peer) {
    if (!namesInJoinOrder.containsKey(peer)) {
      return false;
    }
    String peerName = namesInJoinOrder.remove(peer);
    if (peerName != null) {
      byName.remove(peerName);
    }
    members = List.copyOf(namesInJoinOrder.keySet());
    return true;
  }

  /** The member named {@code peerName}, or null. */
  public P find(String peerName) {
    return byName.get(peerName);
  }

  /** The members at some recent instant, in join order; never blocks. */
  public List<P> members() {
    return members;
  }

  public synchronized boolean isEmpty() {
    return namesInJoinOrder.isEmpty();
  }

  /**
   * Renders the current roster (names in join order, null for members without one) and hands the
   * text to every member, all under the room's monitor: two announcements never interleave, so
   * the last roster a member receives is the current one.
   */
  public synchronized void announceRoster(Function<List<String>, String> render, Sender<P> sender) {
    String text = render.apply(new ArrayList<>(namesInJoinOrder.values()));
    for (P member : namesInJoinOrder.keySet()) {
      sender.send(member, text);
    }
  }

  /** How {@link #announceRoster} reaches a member. */
  @FunctionalInterface
  public interface Sender<P> {
    void send(P member, String text);
  }
}
