package dev.junction.bench.turn;

import java.nio.ByteBuffer;

/**
 * The 20-byte STUN Binding request (RFC 8489 §5: no attributes) and the matching of its answer.
 * The transaction id carries where the request came from: byte 0 the socket, bytes 1–2 the window
 * slot, bytes 3–10 the slot's sequence number, byte 11 a marker.
 */
final class BindingWire {

  static final int MAGIC_COOKIE = 0x2112A442;
  private static final byte MARK = 0x5A;

  private BindingWire() {}

  /** Writes a Binding request into {@code out} (cleared, then flipped for sending). */
  static void writeRequest(ByteBuffer out, int socket, int slot, long sequence) {
    out.clear();
    out.putShort((short) 0x0001).putShort((short) 0).putInt(MAGIC_COOKIE);
    out.put((byte) socket).putShort((short) slot).putLong(sequence).put(MARK);
    out.flip();
  }

  /**
   * The window slot an answer of {@code length} bytes at the start of {@code in} belongs to, or
   * -1 when it is not a STUN answer to a request of socket {@code socket} (wrong size, cookie,
   * marker, socket or slot). The caller still compares the sequence (bytes 11–18 as a long at
   * index 11) and the message type.
   */
  static int matchSlot(ByteBuffer in, int length, int socket, int window) {
    if (length < 20 || in.getInt(4) != MAGIC_COOKIE || in.get(19) != MARK || in.get(8) != (byte) socket) {
      return -1;
    }
    int slot = in.getShort(9) & 0xFFFF;
    return slot < window ? slot : -1;
  }
}
