package dev.junction.bench.rooms;

/**
 * When a native-protocol client acknowledges: every {@code every} numbered frames, with the
 * highest {@code seq} seen. The server holds at most {@code ackWindow} (256) frames unacknowledged
 * before it makes further ones wait, so {@code every} must stay well below that. No idle-time ack
 * is needed here: a client that receives little (a sender, a join-only client) gets a handful of
 * presence frames, far fewer than the window.
 */
final class Acks {

  private final int every;
  private long highest;
  private int sinceAck;

  Acks(int every) {
    if (every < 1) throw new IllegalArgumentException("ack interval must be >= 1");
    this.every = every;
  }

  /** Records frame {@code seq}; returns the seq to acknowledge now, or -1. */
  long received(long seq) {
    if (seq > highest) highest = seq;
    if (++sinceAck < every) return -1;
    sinceAck = 0;
    return highest;
  }
}
