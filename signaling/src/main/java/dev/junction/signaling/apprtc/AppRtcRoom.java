package dev.junction.signaling.apprtc;

import java.util.ArrayList;
import java.util.List;

/**
 * One AppRTC room: at most two clients, in join order. Guarded by the room table's lock for its
 * id ({@link AppRtcRooms} only touches it inside {@code ConcurrentHashMap.compute}).
 */
final class AppRtcRoom {

  /** AppRTC is one-to-one: the room server says FULL and Collider refuses a third client. */
  static final int CAPACITY = 2;

  private final List<Member> members = new ArrayList<>(CAPACITY);

  Member find(String clientId) {
    for (Member member : members) {
      if (member.clientId.equals(clientId)) {
        return member;
      }
    }
    return null;
  }

  /** The client in the room that is not {@code member}, or null when it is alone. */
  Member other(Member member) {
    for (Member candidate : members) {
      if (candidate != member) {
        return candidate;
      }
    }
    return null;
  }

  Member first() {
    return members.get(0);
  }

  void add(Member member) {
    if (members.size() >= CAPACITY) {
      throw new IllegalStateException("an AppRTC room holds at most " + CAPACITY + " clients");
    }
    members.add(member);
  }

  void remove(Member member) {
    members.remove(member);
  }

  int size() {
    return members.size();
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /** The clients whose deadline is not after {@code now}. */
  List<Member> expired(long now) {
    List<Member> expired = new ArrayList<>(CAPACITY);
    for (Member member : members) {
      if (member.deadline <= now) {
        expired.add(member);
      }
    }
    return expired;
  }
}
