package dev.junction.bench.turn;

import io.netty.buffer.ByteBuf;

/**
 * One TURN client's window of messages in flight to an echo peer and back, as ChannelData
 * (RFC 8656 §12.4). Each slot holds at most one message; its echo frees the slot for the next
 * message, so the load is closed-loop: it runs as fast as the relay answers and never faster. A
 * message whose echo has not come back within the timeout counts as lost and its slot sends again.
 *
 * <p>A message is the 4-byte ChannelData header, then its slot (4 bytes) and sequence number (8
 * bytes), then zeros up to the payload length. An echo matches only if it carries the channel, the
 * length, and the slot's current sequence number: a late echo of a message already counted lost
 * is a stray, not an answer. Pure logic on buffers; the caller owns I/O and time.
 */
final class EchoWindow {

  static final int CHANNEL_DATA_HEADER = 4;
  static final int MIN_PAYLOAD = 12;

  private final int channel;
  private final int payloadLength;
  private final long timeoutNanos;
  private final long[] sequence;
  private final long[] sentAt;
  private final boolean[] outstanding;
  private long echoed;
  private long lost;
  private long strays;

  EchoWindow(int channel, int payloadLength, int slots, long timeoutNanos) {
    if (payloadLength < MIN_PAYLOAD || payloadLength > 1400) {
      throw new IllegalArgumentException("payload length must be " + MIN_PAYLOAD + "..1400");
    }
    if (slots < 1) {
      throw new IllegalArgumentException("a window needs at least one slot");
    }
    this.channel = channel;
    this.payloadLength = payloadLength;
    this.timeoutNanos = timeoutNanos;
    this.sequence = new long[slots];
    this.sentAt = new long[slots];
    this.outstanding = new boolean[slots];
  }

  int slots() {
    return outstanding.length;
  }

  int messageLength() {
    return CHANNEL_DATA_HEADER + payloadLength;
  }

  /** Writes the next message of {@code slot} into {@code out} and marks it in flight since {@code now}. */
  void writeMessage(int slot, ByteBuf out, long now) {
    long seq = ++sequence[slot];
    out.writeShort(channel).writeShort(payloadLength).writeInt(slot).writeLong(seq);
    out.writeZero(payloadLength - MIN_PAYLOAD);
    sentAt[slot] = now;
    outstanding[slot] = true;
  }

  /** The slot an echo frees, or -1 for anything else (counted as a stray). Reads nothing from {@code in}. */
  int onEcho(ByteBuf in) {
    int at = in.readerIndex();
    if (in.readableBytes() < CHANNEL_DATA_HEADER + payloadLength
        || in.getUnsignedShort(at) != channel || in.getUnsignedShort(at + 2) != payloadLength) {
      strays++;
      return -1;
    }
    int slot = in.getInt(at + 4);
    if (slot < 0 || slot >= outstanding.length || !outstanding[slot] || in.getLong(at + 8) != sequence[slot]) {
      strays++;
      return -1;
    }
    outstanding[slot] = false;
    echoed++;
    return slot;
  }

  /**
   * Whether {@code slot} should send now: it is free, or its message has waited longer than the
   * timeout (then that message counts as lost).
   */
  boolean due(int slot, long now) {
    if (!outstanding[slot]) {
      return true;
    }
    if (now - sentAt[slot] > timeoutNanos) {
      outstanding[slot] = false;
      lost++;
      return true;
    }
    return false;
  }

  long echoed() {
    return echoed;
  }

  long lost() {
    return lost;
  }

  long strays() {
    return strays;
  }
}
