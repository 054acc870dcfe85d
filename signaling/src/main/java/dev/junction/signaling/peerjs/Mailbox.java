package dev.junction.signaling.peerjs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages held for one peer that is not connected, oldest first. As in peerjs-server the whole
 * mailbox expires at once, {@code expire_timeout} after it was opened: a peer that has not
 * connected by then is taken to be unreachable.
 *
 * <p>Not thread-safe: guarded by its {@link PeerRegistry}.
 */
final class Mailbox {

  /** One held message: its sender (told on expiry) and the text to deliver, {@code src} already stamped. */
  record Held(String src, String text) {}

  private final long openedNanos;
  private final List<Held> messages = new ArrayList<>();

  Mailbox(long openedNanos) {
    this.openedNanos = openedNanos;
  }

  void add(String src, String text) {
    messages.add(new Held(src, text));
  }

  int size() {
    return messages.size();
  }

  boolean expired(long nowNanos, long expireTimeoutNanos) {
    return nowNanos - openedNanos >= expireTimeoutNanos;
  }

  List<Held> messages() {
    return messages;
  }

  /** Every sender with a message here, each once, in the order they first wrote. */
  Set<String> senders() {
    Set<String> senders = new LinkedHashSet<>();
    messages.forEach(held -> senders.add(held.src()));
    return senders;
  }
}
