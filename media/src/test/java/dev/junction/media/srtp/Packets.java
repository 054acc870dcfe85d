package dev.junction.media.srtp;

import java.util.Arrays;

/** Builders of plain RTP and RTCP packets for the tests, with room after them for SRTP's overhead. */
final class Packets {

  /** Room every test buffer leaves after the packet: more than any profile's overhead. */
  static final int ROOM = 32;

  private Packets() {}

  /** An RTP packet: V=2, PT 96, the given sequence number and SSRC, and a payload of {@code fill}. */
  static byte[] rtp(int ssrc, int seq, int payloadLength, int fill) {
    byte[] packet = new byte[12 + payloadLength + ROOM];
    packet[0] = (byte) 0x80;
    packet[1] = 96;
    packet[2] = (byte) (seq >>> 8);
    packet[3] = (byte) seq;
    Wire.putU32(packet, 4, 0x01020304); // timestamp
    Wire.putU32(packet, 8, ssrc);
    Arrays.fill(packet, 12, 12 + payloadLength, (byte) fill);
    return packet;
  }

  /** An RTCP receiver report header with the given sender SSRC and {@code bodyLength} bytes of {@code fill}. */
  static byte[] rtcp(int ssrc, int bodyLength, int fill) {
    byte[] packet = new byte[8 + bodyLength + ROOM];
    packet[0] = (byte) 0x80;
    packet[1] = (byte) 201; // RR
    int words = (8 + bodyLength) / 4 - 1;
    packet[2] = (byte) (words >>> 8);
    packet[3] = (byte) words;
    Wire.putU32(packet, 4, ssrc);
    Arrays.fill(packet, 8, 8 + bodyLength, (byte) fill);
    return packet;
  }

  /** {@code length} bytes of {@code bytes}, followed by {@link #ROOM} zero bytes. */
  static byte[] withRoom(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length + ROOM);
  }
}
