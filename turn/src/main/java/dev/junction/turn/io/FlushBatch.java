package dev.junction.turn.io;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * The channels written to while one event loop handles a batch of reads, flushed once at the end
 * of the batch. With epoll, datagrams written to one channel and flushed together leave in one
 * sendmmsg call instead of one sendmsg each: the kernel, not the JVM, bounds a relay.
 *
 * <p>One instance per event loop, used only on that loop.
 */
final class FlushBatch {

  private final List<Channel> dirty = new ArrayList<>();

  /** Remembers that {@code channel} has unflushed writes. */
  void add(Channel channel) {
    if (!dirty.contains(channel)) {
      dirty.add(channel);
    }
  }

  /** Flushes every channel written to since the last call. */
  void flushAll() {
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flush();
    }
    dirty.clear();
  }
}
