package dev.junction.gateway.stream;

import dev.junction.media.peer.StreamPacket;

import java.util.ArrayList;
import java.util.List;

/**
 * The RTP packets of the current group of pictures: from the first packet of the last keyframe
 * on. A viewer that joins gets these first, so it decodes a picture at once instead of waiting
 * up to a whole keyframe interval. Bounded: a GOP longer than {@code maxPackets} is dropped
 * rather than held (the viewer then waits for the next keyframe, as without a cache).
 *
 * <p>Confined to its stream's event loop.
 */
final class GopCache {

  private final int maxPackets;
  private final List<StreamPacket> packets = new ArrayList<>();
  private boolean overflowed;

  GopCache(int maxPackets) {
    this.maxPackets = maxPackets;
  }

  /** Adds the packets of one access unit; a keyframe starts a new group. */
  void add(List<StreamPacket> accessUnit, boolean keyframe) {
    if (keyframe) {
      packets.clear();
      overflowed = false;
    }
    if (overflowed) {
      return;
    }
    if (packets.size() + accessUnit.size() > maxPackets) {
      packets.clear();
      overflowed = true;
      return;
    }
    packets.addAll(accessUnit);
  }

  /** The packets of the current group, starting with a keyframe; empty before the first one. */
  List<StreamPacket> snapshot() {
    return List.copyOf(packets);
  }
}
