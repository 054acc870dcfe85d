package dev.junction.turn.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Errors;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datagrams to UDP clients, coalesced for UDP GSO ({@code UDP_SEGMENT}, Linux 4.18+): consecutive
 * datagrams of one length to one client through one listener socket are written as one segmented
 * packet. The kernel then builds, routes and hands on one large packet and cuts it into the
 * datagrams at the end of its stack, instead of walking the stack once per datagram: sending is
 * most of what a relay's CPU does. A relay sees such runs: the datagrams one read of a relay socket
 * gets all go to one client, and the RTP packets of one video frame have one size. What goes on the
 * wire is unchanged.
 *
 * <p>A run ends at a datagram to another client or socket, a datagram longer than the run's first
 * (a shorter one may end it, as the last segment), {@link #MAX_SEGMENTS}, or {@link #MAX_BYTES};
 * the caller {@link #emit()}s it at the end of the event loop's turn. Datagrams longer than
 * {@link #MAX_SEGMENT} are never coalesced: a segment must fit the path MTU, which the kernel does
 * not fragment for GSO. If a segmented write fails (an egress device without checksum offload
 * refuses GSO), segmenting is turned off for the process and the failure logged once.
 *
 * <p>One instance per event loop, used only on that loop.
 */
final class SegmentRun {

  /** UDP_MAX_SEGMENTS of Linux 4.18 to 6.x. */
  static final int MAX_SEGMENTS = 64;
  /** Below the 65,507 bytes of one IPv4 UDP datagram, headers included. */
  static final int MAX_BYTES = 60_000;
  /** Fits the IPv6 minimum MTU of 1,280 with IP and UDP headers; WebRTC packets are at most ~1,200. */
  static final int MAX_SEGMENT = 1_200;

  private static final int EIO = 5;
  private static final int EINVAL = 22;
  private static final Logger log = LoggerFactory.getLogger(SegmentRun.class);
  private static volatile boolean enabled = SegmentedDatagramPacket.isSupported();

  private ChannelHandlerContext context;
  private InetSocketAddress recipient;
  private ByteBuf first;
  private CompositeByteBuf segments;
  private int segmentSize;
  private int count;
  private boolean closed;

  /** Whether this process segments: epoll with UDP_SEGMENT, and no segmented write has failed. */
  static boolean enabled() {
    return enabled;
  }

  /** Adds {@code data} (released by the callee) to the run, or writes the run and starts a new one with it. */
  void add(ChannelHandlerContext target, InetSocketAddress to, ByteBuf data) {
    int length = data.readableBytes();
    if (first != null && fits(target, to, length)) {
      append(data, length);
      return;
    }
    emit();
    if (!enabled || length > MAX_SEGMENT || !(target.channel() instanceof EpollDatagramChannel)) {
      target.write(new DatagramPacket(data, to), target.voidPromise());
      return;
    }
    context = target;
    recipient = to;
    first = data;
    segmentSize = length;
    count = 1;
    closed = false;
  }

  private boolean fits(ChannelHandlerContext target, InetSocketAddress to, int length) {
    return !closed && target == context && length <= segmentSize && count < MAX_SEGMENTS
        && (count + 1) * segmentSize <= MAX_BYTES && to.equals(recipient);
  }

  private void append(ByteBuf data, int length) {
    if (segments == null) {
      segments = context.alloc().compositeDirectBuffer(MAX_SEGMENTS);
      segments.addComponent(true, first);
    }
    segments.addComponent(true, data);
    count++;
    closed = length < segmentSize; // only the last segment may be shorter
  }

  /** Writes the open run, if any, to its channel (not flushed). */
  void emit() {
    if (first == null) {
      return;
    }
    if (segments == null) {
      context.write(new DatagramPacket(first, recipient), context.voidPromise());
    } else {
      context.write(new SegmentedDatagramPacket(segments, segmentSize, recipient))
          .addListener(SegmentRun::turnOffOnFailure);
    }
    context = null;
    recipient = null;
    first = null;
    segments = null;
  }

  /**
   * EIO and EINVAL are how the kernel refuses a segmented send it cannot do; other failures
   * (an unreachable client) are the datagrams' own, as for any UDP send.
   */
  private static void turnOffOnFailure(io.netty.util.concurrent.Future<? super Void> write) {
    if (write.cause() instanceof Errors.NativeIoException e && (e.expectedErr() == -EIO || e.expectedErr() == -EINVAL)
        && enabled) {
      enabled = false;
      log.warn("UDP segmentation offload refused ({}); sending datagrams one by one from now on", e.toString());
    }
  }
}
