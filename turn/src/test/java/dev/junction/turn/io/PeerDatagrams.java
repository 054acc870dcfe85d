package dev.junction.turn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** A test peer's side of a relay socket: text datagrams sent to it and expected from it. */
final class PeerDatagrams {

  private PeerDatagrams() {}

  /** A peer's socket on loopback, whose receives give up after 5 s. */
  static DatagramSocket open() throws IOException {
    DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    peer.setSoTimeout(5000);
    return peer;
  }

  static void send(DatagramSocket peer, String text, SocketAddress to) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    peer.send(new DatagramPacket(bytes, bytes.length, to));
  }

  /** Receives one datagram (within the socket's timeout) and checks its text and its sender. */
  static void expect(DatagramSocket peer, String text, SocketAddress from) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[64], 64);
    peer.receive(packet);
    assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(packet.getSocketAddress()).isEqualTo(from);
  }
}
