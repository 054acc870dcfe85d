package dev.junction.media.port;

import dev.junction.media.ice.PacketKind;
import java.net.InetSocketAddress;

/** Takes the DTLS, RTP and RTCP of one ICE session, on the loop that read them. Must not block. */
@FunctionalInterface
public interface PacketReceiver {

  /**
   * @param kind DTLS, RTP or RTCP
   * @param datagram a copy of the datagram, the receiver's to keep
   * @param source where it came from: an address that passed an ICE check of this session
   */
  void receive(PacketKind kind, byte[] datagram, InetSocketAddress source);
}
