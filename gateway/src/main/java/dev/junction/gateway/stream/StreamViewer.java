package dev.junction.gateway.stream;

import dev.junction.media.peer.StreamPacket;

import java.util.List;

/** Receives a camera stream's packets, on the stream's event loop. */
@FunctionalInterface
public interface StreamViewer {

  /** Packets to send, in order: one access unit, or the GOP cache on joining. */
  void send(List<StreamPacket> packets);
}
