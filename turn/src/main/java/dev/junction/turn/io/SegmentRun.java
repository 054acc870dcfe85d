package dev.junction.turn.io;

import io.netty.buffer.ByteBuf;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.unix.Errors;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datagrams coalesced for UDP GSO ({@code UDP_SEGMENT}, Linux 4.18+): consecutive datagrams of
 * one length to one address through one socket are sent as one segmented packet. The kernel then
 * builds, routes and hands on one large packet and cuts it into the datagrams at the end of its
 * stack, instead of walking the stack once per datagram: sending is most of what a relay's CPU
 * does. A relay sees such runs: the datagrams one read of a socket gets mostly come from one
 * sender for one receiver, and the RTP packets of one video frame have one size. What goes on the
 * wire is unchanged.
 *
 * <p>A run ends at a datagram to another socket or address, a datagram longer than the run's
 * first (a shorter one may end it, as the last segment), {@link #MAX_SEGMENTS}, or
 * {@link #MAX_BYTES}; the owner {@link #emit()}s the open run at the end of the event loop's turn.
 * Datagrams longer than {@link #MAX_SEGMENT} are never coalesced: a segment must fit the path MTU,
 * and the kernel does not fragment GSO segments. If the kernel refuses a segmented send, its
 * datagrams go one by one ({@link #refused}); if it cannot segment at all (an egress device
 * without checksum offload), segmenting is turned off for the process, logged once.
 *
 * <p>Used only on one event loop.
 */
final class SegmentRun {

  /** UDP_MAX_SEGMENTS of Linux 4.18 to 6.x. */
  static final int MAX_SEGMENTS = 64;
  /** Below the 65,507 bytes of one IPv4 UDP datagram. */
  static final int MAX_BYTES = 60_000;
  /** Fits the IPv6 minimum MTU of 1,280 with IP and UDP headers; WebRTC packets are at most ~1,200. */
  static final int MAX_SEGMENT = 1_200;

  private static final int EIO = 5;
  private static final int EINVAL = 22;
  private static final int EMSGSIZE = 90;
  private static final Logger log = LoggerFactory.getLogger(SegmentRun.class);
  private static volatile boolean enabled = SegmentedDatagramPacket.isSupported();

  /** Where a run leaves: a listener socket or a relay socket. */
  interface Sink {

    /** Sends one datagram (released by the callee). */
    void sendDatagram(InetSocketAddress to, ByteBuf datagram);

    /** Sends {@code segments} (released by the callee): datagrams of {@code segmentSize} bytes, the last maybe shorter. */
    void sendSegments(InetSocketAddress to, ByteBuf segments, int segmentSize);
  }

  private Sink sink;
  private InetSocketAddress recipient;
  private ByteBuf first;
  private ByteBuf joined;
  private int segmentSize;
  private int count;
  private boolean closed;

  /** Whether this process segments: epoll with UDP_SEGMENT, and no segmented send was refused. */
  static boolean enabled() {
    return enabled;
  }

  /**
   * Whether {@code failure} is the kernel refusing a segmented send, so that its datagrams should
   * go one by one: EMSGSIZE (a segment does not fit the route's MTU, which a single datagram may,
   * fragmented), and EIO or EINVAL (no segmentation here at all: then it is turned off for the
   * process). Other failures (an unreachable address) are the datagrams' own, as for any UDP send.
   */
  static boolean refused(Throwable failure) {
    if (!(failure instanceof Errors.NativeIoException e)) {
      return false;
    }
    int errno = -e.expectedErr();
    if (errno == EIO || errno == EINVAL) {
      turnOff(e);
    }
    return errno == EIO || errno == EINVAL || errno == EMSGSIZE;
  }

  /** Sends each datagram of {@code segments} on its own; releases {@code segments}. */
  static void sendOneByOne(Sink sink, InetSocketAddress to, ByteBuf segments, int segmentSize) {
    try {
      for (int at = segments.readerIndex(); at < segments.writerIndex(); at += segmentSize) {
        sink.sendDatagram(to, segments.retainedSlice(at, Math.min(segmentSize, segments.writerIndex() - at)));
      }
    } finally {
      segments.release();
    }
  }

  /** Turns segmenting off for the process: the kernel cannot do it here. */
  static void turnOff(Throwable why) {
    if (enabled) {
      enabled = false;
      log.warn("UDP segmentation offload refused ({}); sending datagrams one by one from now on", why.toString());
    }
  }

  /** Adds {@code data} (released by the callee) to the run, or sends the run and starts a new one with it. */
  void add(Sink through, InetSocketAddress to, ByteBuf data) {
    int length = data.readableBytes();
    if (first != null && fits(through, to, length)) {
      append(data, length);
      return;
    }
    emit();
    if (!enabled || length > MAX_SEGMENT) {
      through.sendDatagram(to, data);
      return;
    }
    sink = through;
    recipient = to;
    first = data;
    segmentSize = length;
    count = 1;
    closed = false;
  }

  /** Whether a run is open: it must be {@link #emit()}ted by the end of the turn. */
  boolean isOpen() {
    return first != null;
  }

  private boolean fits(Sink through, InetSocketAddress to, int length) {
    return !closed && through == sink && length <= segmentSize && count < MAX_SEGMENTS
        && (count + 1) * segmentSize <= MAX_BYTES && to.equals(recipient);
  }

  /** Copies into one buffer: a few hundred bytes each, far cheaper than the send each saves. */
  private void append(ByteBuf data, int length) {
    try {
      if (joined == null) {
        joined = first.alloc().directBuffer(Math.min(MAX_SEGMENTS * segmentSize, MAX_BYTES));
        joined.writeBytes(first, first.readerIndex(), segmentSize);
      }
      joined.writeBytes(data, data.readerIndex(), length);
    } finally {
      data.release();
    }
    count++;
    closed = length < segmentSize; // only the last segment may be shorter
  }

  /** Sends the open run, if any. */
  void emit() {
    if (first == null) {
      return;
    }
    if (joined == null) {
      sink.sendDatagram(recipient, first);
    } else {
      first.release();
      sink.sendSegments(recipient, joined, segmentSize);
    }
    sink = null;
    recipient = null;
    first = null;
    joined = null;
  }
}
