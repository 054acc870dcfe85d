package dev.junction.gateway.stream;

import dev.junction.media.peer.StreamPacket;

import java.util.List;

/** Receives a camera stream's packets, on the stream's event loop. */
@FunctionalInterface
public interface StreamViewer {

  /**
   * Packets to send, in order.
   *
   * @param packets one live access unit, or the GOP cache
   * @param replay true for the GOP cache (on joining, or for a keyframe request): older frames to
   *     show at once rather than at their original pace
   */
  void send(List<StreamPacket> packets, boolean replay);
}
