package dev.junction.signaling.nativev1;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One session's frames to its client, in order. A frame is numbered ({@code seq}) when it is
 * sent and kept until the client acknowledges it, so a resume can send again exactly what the
 * client did not see. At most {@code ackWindow} frames are out unacknowledged; the rest wait, as
 * they do while the client is away.
 *
 * <p>Waiting relayed messages are bounded by count and bytes and expire after the TTL; their
 * senders are told. Server frames (presence, answers) are never dropped: the hub ends a session
 * whose client lets too many of them pile up.
 *
 * <p>Not thread-safe: guarded by the {@link Hub}'s monitor.
 */
final class Outbox {

  /** A frame waiting to be sent; {@code origin} is null for the server's own frames. */
  record Waiting(String body, int bytes, long queuedNanos, Origin origin) {}

  /** Who sent a relayed message, in which room, with which request id: whom to tell if it expires. */
  record Origin(Session sender, String room, String requestId) {}

  private record Sent(long seq, String text) {}

  private final int ackWindow;
  private final int maxRelayed;
  private final long maxRelayedBytes;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final ArrayDeque<Sent> unacked = new ArrayDeque<>();
  private int waitingRelayed;
  private long waitingRelayedBytes;
  private long lastSent;

  Outbox(int ackWindow, int maxRelayed, long maxRelayedBytes) {
    this.ackWindow = ackWindow;
    this.maxRelayed = maxRelayed;
    this.maxRelayedBytes = maxRelayedBytes;
  }

  /** Queues a relayed message, or returns false, queuing nothing, when the bounds would be passed. */
  boolean offerRelayed(String body, long nowNanos, Origin origin) {
    int bytes = utf8Length(body);
    if (waitingRelayed >= maxRelayed || waitingRelayedBytes + bytes > maxRelayedBytes) {
      return false;
    }
    waiting.addLast(new Waiting(body, bytes, nowNanos, origin));
    waitingRelayed++;
    waitingRelayedBytes += bytes;
    return true;
  }

  /** Queues a server frame behind everything waiting. */
  void addServerFrame(String body, long nowNanos) {
    waiting.addLast(new Waiting(body, 0, nowNanos, null));
  }

  /** Queues a server frame ahead of everything waiting (the {@code resumed} frame after a replay). */
  void addServerFrameFirst(String body, long nowNanos) {
    waiting.addFirst(new Waiting(body, 0, nowNanos, null));
  }

  /** Server frames waiting; a client that lets them pile up is not reading or not acknowledging. */
  int waitingServerFrames() {
    return waiting.size() - waitingRelayed;
  }

  /** Numbers and returns, in order, the waiting frames the ack window lets out now. */
  List<String> release() {
    List<String> out = new ArrayList<>();
    while (!waiting.isEmpty() && unacked.size() < ackWindow) {
      Waiting next = waiting.pollFirst();
      if (next.origin() != null) {
        waitingRelayed--;
        waitingRelayedBytes -= next.bytes();
      }
      String text = Frames.withSeq(++lastSent, next.body());
      unacked.addLast(new Sent(lastSent, text));
      out.add(text);
    }
    return out;
  }

  /** The client has every frame up to {@code seq}: they need not be kept. An ack past the last frame sent counts up to it. */
  void ack(long seq) {
    long upTo = Math.min(seq, lastSent);
    while (!unacked.isEmpty() && unacked.peekFirst().seq() <= upTo) {
      unacked.pollFirst();
    }
  }

  /**
   * The frames sent after {@code lastSeq}, in order, to send again on a resume; empty when
   * {@code lastSeq} is impossible: past the last frame sent, or before frames the client already
   * acknowledged (which are gone).
   */
  Optional<List<String>> replayAfter(long lastSeq) {
    long oldestKept = unacked.isEmpty() ? lastSent + 1 : unacked.peekFirst().seq();
    if (lastSeq > lastSent || lastSeq < oldestKept - 1) {
      return Optional.empty();
    }
    ack(lastSeq);
    return Optional.of(unacked.stream().map(Sent::text).toList());
  }

  /** The last {@code seq} sent. */
  long lastSent() {
    return lastSent;
  }

  /** Removes and returns the relayed messages waiting since before {@code nowNanos - ttlNanos}. */
  List<Waiting> expire(long nowNanos, long ttlNanos) {
    return removeRelayed(next -> nowNanos - next.queuedNanos() >= ttlNanos);
  }

  /** Removes and returns every relayed message waiting (the session is ending). */
  List<Waiting> drainRelayed() {
    return removeRelayed(next -> true);
  }

  /** Relayed messages wait in the order they came: the first one {@code due} refuses ends the scan. */
  private List<Waiting> removeRelayed(Predicate<Waiting> due) {
    List<Waiting> removed = new ArrayList<>();
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
      Waiting next = it.next();
      if (next.origin() == null) {
        continue;
      }
      if (!due.test(next)) {
        break;
      }
      it.remove();
      waitingRelayed--;
      waitingRelayedBytes -= next.bytes();
      removed.add(next);
    }
    return removed;
  }

  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
