package dev.junction.bench.gateway;

import dev.junction.bench.LatencyHistogram;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * The viewers of one event loop and the delay histogram they share. Confined to that loop: the
 * fleet reads and resets it with tasks run there.
 */
final class ViewerShard {

  final EventLoop loop;
  final List<Viewer> viewers = new ArrayList<>();
  LatencyHistogram delays = new LatencyHistogram();

  ViewerShard(EventLoop loop) {
    this.loop = loop;
  }
}
