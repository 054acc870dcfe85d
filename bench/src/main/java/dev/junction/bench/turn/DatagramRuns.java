package dev.junction.bench.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay load's outgoing datagrams, gathered into runs for UDP GSO ({@code UDP_SEGMENT}):
 * consecutive datagrams of one length to one recipient are written back to back into one buffer,
 * which leaves as one segmented packet that the kernel walks through its stack once and cuts into
 * the datagrams at the end. Sending is most of what the generator's CPU does; with a system call
 * and a stack walk per datagram it cost about as much per message as the server it loads.
 *
 * <p>Each recipient has its own open run, so datagrams to senders that arrive interleaved in one
 * read batch (the echo peer's) still coalesce; the order to one recipient is kept, the order across
 * recipients is not. A run ends at a datagram longer than its first (a shorter one joins it, as
 * the last segment), at {@link #MAX_SEGMENTS}, or before it would reach {@link #MAX_BYTES}; the
 * caller {@link #flush()}es the open runs at the end of each batch. Without segmentation every
 * datagram is a run of its own.
 *
 * <p>Confined to the event loop of the channel the {@link Output} writes to.
 */
final class DatagramRuns {

  /** UDP_MAX_SEGMENTS of Linux 4.18 to 6.x. */
  static final int MAX_SEGMENTS = 64;
  /** Under the 65,507 bytes of one IPv4 UDP datagram, with room to spare. */
  static final int MAX_BYTES = 63_999;

  /** Where a finished run goes: one or more datagrams of {@code segmentSize} bytes, the last maybe shorter. */
  interface Output {
    /** Takes ownership of {@code datagrams}. */
    void send(InetSocketAddress recipient, ByteBuf datagrams, int segmentSize);
  }

  private static final class Run {
    final InetSocketAddress recipient;
    final ByteBuf datagrams;
    final int segmentSize;
    int count;
    int expectedBytes;
    boolean closed;

    Run(InetSocketAddress recipient, ByteBuf datagrams, int segmentSize) {
      this.recipient = recipient;
      this.datagrams = datagrams;
      this.segmentSize = segmentSize;
    }
  }

  private final ByteBufAllocator alloc;
  private final int maxSegments;
  private final Output output;
  /** The open runs by recipient, in the order they were opened: the order {@link #flush()} sends them in. */
  private final Map<InetSocketAddress, Run> open = new LinkedHashMap<>();
  /** The run the last {@link #next} handed out, checked to have got exactly its datagram. */
  private Run pending;

  DatagramRuns(ByteBufAllocator alloc, boolean segment, Output output) {
    this.alloc = alloc;
    this.maxSegments = segment ? MAX_SEGMENTS : 1;
    this.output = output;
  }

  /**
   * The buffer to write the next datagram to {@code recipient} into: the caller writes exactly
   * {@code length} bytes to it, before any other call on this object.
   */
  ByteBuf next(InetSocketAddress recipient, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length < 1: " + length);
    }
    checkPending();
    Run run = open.get(recipient);
    if (run != null && !fits(run, length)) {
      open.remove(recipient);
      send(run);
      run = null;
    }
    if (run == null) {
      int segments = Math.max(1, Math.min(maxSegments, MAX_BYTES / length));
      run = new Run(recipient, alloc.directBuffer(segments * length), length);
      open.put(recipient, run);
    }
    run.count++;
    run.expectedBytes += length;
    run.closed = length < run.segmentSize; // only the last segment may be shorter
    pending = run;
    return run.datagrams;
  }

  /** Sends every open run, in the order they were opened. */
  void flush() {
    checkPending();
    for (Run run : open.values()) {
      send(run);
    }
    open.clear();
  }

  private boolean fits(Run run, int length) {
    return !run.closed && length <= run.segmentSize && run.count < maxSegments
        && run.expectedBytes + length <= MAX_BYTES;
  }

  private void send(Run run) {
    output.send(run.recipient, run.datagrams, run.segmentSize);
  }

  private void checkPending() {
    if (pending != null && pending.datagrams.writerIndex() != pending.expectedBytes) {
      throw new IllegalStateException("a datagram of a run to " + pending.recipient + " was written with "
          + pending.datagrams.writerIndex() + " bytes where the run expected " + pending.expectedBytes);
    }
    pending = null;
  }
}
