package dev.junction.turn.io;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The channels written to during one turn of an event loop, flushed once at the end of the turn:
 * after the loop has read every socket that epoll reported ready. With epoll, datagrams written
 * to one channel and flushed together leave in one sendmmsg call instead of one sendmsg each, and
 * a turn that reads many relay sockets (one datagram each, as a relay mostly sees) sends all
 * their datagrams to the clients in one call: the kernel, not the JVM, bounds a relay. Datagrams
 * to UDP clients are also coalesced into segmented packets where they can be ({@link SegmentRun}).
 *
 * <p>One instance per event loop, used only on that loop.
 */
final class FlushBatch {

  private final List<Channel> dirty = new ArrayList<>();
  private final Runnable flushAll = this::flushAll;
  private final SegmentRun run = new SegmentRun();

  /** Queues a datagram (released by the callee) to a UDP client through the listener of {@code context}. */
  void sendDatagram(ChannelHandlerContext context, InetSocketAddress client, ByteBuf data) {
    run.add(context, client, data);
    add(context.channel());
  }

  /**
   * Remembers that {@code channel} has unflushed writes. The first channel of a turn schedules
   * the flush: the loop runs tasks after it has handled all of the turn's ready sockets.
   */
  void add(Channel channel) {
    if (dirty.isEmpty()) {
      channel.eventLoop().execute(flushAll);
    }
    if (!dirty.contains(channel)) {
      dirty.add(channel);
    }
  }

  /** Flushes every channel written to since the last call (at the end of the turn, or sooner when a caller must). */
  void flushAll() {
    run.emit();
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flush();
    }
    dirty.clear();
  }
}
