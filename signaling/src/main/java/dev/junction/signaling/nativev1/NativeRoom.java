package dev.junction.signaling.nativev1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room of the native protocol: up to {@code capacity} sessions in the order they joined. The
 * order decides the negotiation roles: of any two members, the one that joined later is polite.
 *
 * <p>Not thread-safe: guarded by the {@link Hub}'s monitor.
 */
final class NativeRoom {

  private final String name;
  private final int capacity;
  private final Map<String, Session> byIdentity = new LinkedHashMap<>();

  NativeRoom(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
  }

  String name() {
    return name;
  }

  int capacity() {
    return capacity;
  }

  boolean isFull() {
    return byIdentity.size() >= capacity;
  }

  boolean isEmpty() {
    return byIdentity.isEmpty();
  }

  void add(Session session) {
    byIdentity.put(session.identity(), session);
  }

  void remove(Session session) {
    byIdentity.remove(session.identity(), session);
  }

  /** The member with {@code identity}, or null. */
  Session member(String identity) {
    return byIdentity.get(identity);
  }

  boolean contains(Session session) {
    return byIdentity.get(session.identity()) == session;
  }

  /** The members in join order (a copy: callers may remove members while they go through it). */
  List<Session> members() {
    return new ArrayList<>(byIdentity.values());
  }
}
