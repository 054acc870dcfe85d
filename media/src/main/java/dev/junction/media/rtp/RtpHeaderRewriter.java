package dev.junction.media.rtp;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads and rewrites the fixed header fields of an encoded RTP packet in place: the fan-out hot
 * path ("packetize once per stream; per viewer only header rewrite", anchors §0.4 and §8). The
 * payload, CSRCs, extension and padding are not touched, and nothing is allocated unless the
 * arguments are wrong.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |  bytes 2–3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |  bytes 4–7
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |  bytes 8–11
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The methods trust that the bytes hold an RTP packet the server made or decoded; they check
 * only that 12 bytes are there and that V is 2. Stateless and thread-safe; the buffer is the
 * caller's to confine.
 */
public final class RtpHeaderRewriter {

  private RtpHeaderRewriter() {}

  /** Sets SSRC, sequence number and timestamp of the packet at {@code packet[offset..offset+length)}. */
  public static void rewrite(byte[] packet, int offset, int length, long ssrc, int sequenceNumber, long timestamp) {
    check(packet, offset, length);
    packet[offset + 2] = (byte) (sequenceNumber >>> 8);
    packet[offset + 3] = (byte) sequenceNumber;
    putInt(packet, offset + 4, timestamp);
    putInt(packet, offset + 8, ssrc);
  }

  /**
   * Sets SSRC, sequence number and timestamp of the packet between {@code packet}'s position and
   * limit, with absolute writes: position and limit do not move. Works on direct buffers too.
   */
  public static void rewrite(ByteBuffer packet, long ssrc, int sequenceNumber, long timestamp) {
    int at = packet.position();
    check(packet);
    packet.putShort(at + 2, (short) sequenceNumber);
    packet.putInt(at + 4, (int) timestamp);
    packet.putInt(at + 8, (int) ssrc);
  }

  /** Sets or clears the marker bit, leaving the payload type as it is. */
  public static void setMarker(byte[] packet, int offset, int length, boolean marker) {
    check(packet, offset, length);
    packet[offset + 1] = (byte) (marker ? packet[offset + 1] | 0x80 : packet[offset + 1] & 0x7f);
  }

  /** Sets the payload type, leaving the marker bit as it is (for a viewer who negotiated another PT). */
  public static void setPayloadType(byte[] packet, int offset, int length, int payloadType) {
    check(packet, offset, length);
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type is 7 bits, got " + payloadType);
    }
    packet[offset + 1] = (byte) (packet[offset + 1] & 0x80 | payloadType);
  }

  public static int sequenceNumber(byte[] packet, int offset, int length) {
    check(packet, offset, length);
    return (packet[offset + 2] & 0xff) << 8 | packet[offset + 3] & 0xff;
  }

  public static long timestamp(byte[] packet, int offset, int length) {
    check(packet, offset, length);
    return getInt(packet, offset + 4);
  }

  public static long ssrc(byte[] packet, int offset, int length) {
    check(packet, offset, length);
    return getInt(packet, offset + 8);
  }

  public static boolean marker(byte[] packet, int offset, int length) {
    check(packet, offset, length);
    return (packet[offset + 1] & 0x80) != 0;
  }

  public static int payloadType(byte[] packet, int offset, int length) {
    check(packet, offset, length);
    return packet[offset + 1] & 0x7f;
  }

  private static void putInt(byte[] packet, int at, long value) {
    packet[at] = (byte) (value >>> 24);
    packet[at + 1] = (byte) (value >>> 16);
    packet[at + 2] = (byte) (value >>> 8);
    packet[at + 3] = (byte) value;
  }

  private static long getInt(byte[] packet, int at) {
    return (packet[at] & 0xffL) << 24 | (packet[at + 1] & 0xff) << 16 | (packet[at + 2] & 0xff) << 8
        | packet[at + 3] & 0xff;
  }

  private static void check(byte[] packet, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, packet.length);
    if (length < RtpHeader.FIXED_SIZE || (packet[offset] & 0xc0) != RtpHeader.VERSION << 6) {
      throw notRtp(length);
    }
  }

  private static void check(ByteBuffer packet) {
    if (packet.remaining() < RtpHeader.FIXED_SIZE || (packet.get(packet.position()) & 0xc0) != RtpHeader.VERSION << 6) {
      throw notRtp(packet.remaining());
    }
  }

  private static IllegalArgumentException notRtp(int length) {
    return new IllegalArgumentException("not an RTP packet: " + length + " bytes, need 12 with V=2");
  }
}
