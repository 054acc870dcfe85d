package dev.junction.turn.io;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The channels written to during one turn of an event loop, flushed once at the end of the turn:
 * after the loop has read every socket that epoll reported ready. With epoll, datagrams written
 * to one channel and flushed together leave in one sendmmsg call instead of one sendmsg each, and
 * a turn that reads many relay sockets (one datagram each, as a relay mostly sees) sends all
 * their datagrams to the clients in one call: the kernel, not the JVM, bounds a relay. What goes
 * to UDP clients and, from each relay socket, to peers waits here as runs of equal-length
 * datagrams, sent as segmented packets where they can be ({@link SegmentRun}).
 *
 * <p>One instance per event loop, used only on that loop.
 */
final class FlushBatch {

  private final List<Channel> dirty = new ArrayList<>();
  private final List<SegmentRun> openRuns = new ArrayList<>();
  private final SegmentRun clientRun = new SegmentRun();
  private final Runnable flushAll = this::flushAll;
  private boolean scheduled;

  /** Queues a datagram (released by the callee) to a UDP client through a listener socket. */
  void sendDatagram(UdpClientHandler listener, InetSocketAddress client, ByteBuf data) {
    add(listener.channel());
    clientRun.add(listener, client, data);
  }

  /** Remembers that {@code channel} has unflushed writes. */
  void add(Channel channel) {
    schedule(channel.eventLoop());
    if (!dirty.contains(channel)) {
      dirty.add(channel);
    }
  }

  /** Remembers a relay socket's run, opened just now, to be sent at the end of the turn. */
  void add(SegmentRun run, EventLoop loop) {
    schedule(loop);
    openRuns.add(run);
  }

  /** The first write of a turn schedules the flush: the loop runs tasks after it has handled all of the turn's ready sockets. */
  private void schedule(EventLoop loop) {
    if (!scheduled) {
      scheduled = true;
      loop.execute(flushAll);
    }
  }

  /** Sends the open runs and flushes every channel written to since the last call (at the end of the turn, or sooner when a caller must). */
  void flushAll() {
    scheduled = false;
    for (int i = 0; i < openRuns.size(); i++) {
      openRuns.get(i).emit();
    }
    openRuns.clear();
    clientRun.emit();
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flush();
    }
    dirty.clear();
  }
}
