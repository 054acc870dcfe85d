package dev.junction.signaling.apprtc;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages waiting for a client that cannot take them yet, in arrival order, bounded by count and
 * by total length. Guarded by the lock of the room that owns it.
 */
final class MessageQueue {

  private final int maxMessages;
  private final int maxChars;
  private List<String> messages = new ArrayList<>();
  private int chars;

  MessageQueue(int maxMessages, int maxChars) {
    this.maxMessages = maxMessages;
    this.maxChars = maxChars;
  }

  /** Appends {@code message}; false, keeping nothing, when either bound would be passed. */
  boolean add(String message) {
    if (messages.size() >= maxMessages || chars + message.length() > maxChars) {
      return false;
    }
    messages.add(message);
    chars += message.length();
    return true;
  }

  /** Everything queued, oldest first; the queue is empty afterwards. */
  List<String> drain() {
    List<String> drained = messages;
    messages = new ArrayList<>();
    chars = 0;
    return drained;
  }

  void clear() {
    messages.clear();
    chars = 0;
  }

  int size() {
    return messages.size();
  }
}
