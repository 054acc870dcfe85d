package dev.junction.media.ice;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a datagram on the shared media port is, by its first byte (RFC 7983 §7, updating RFC 5764
 * §5.1.2):
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--&gt; forward to STUN
 *                  |                |
 *                  |      [16..19] -+--&gt; forward to ZRTP
 *                  |                |
 *      packet --&gt;  |      [20..63] -+--&gt; forward to DTLS
 *                  |                |
 *                  |      [64..79] -+--&gt; forward to TURN Channel
 *                  |                |
 *                  |    [128..191] -+--&gt; forward to RTP/RTCP
 *                  +----------------+
 * </pre>
 *
 * RTP and RTCP are told apart by the second byte (RFC 5761 §4): RTCP packet types 192-223 (SR,
 * RR, SDES, BYE, APP, RTPFB, PSFB, XR…) sit where RTP's marker bit and payload type would be, and
 * WebRTC never uses the RTP payload types 64-95 that would collide.
 */
public enum PacketKind {
  /** STUN (RFC 8489): connectivity checks. */
  STUN,
  /** ZRTP: not used by WebRTC; dropped. */
  ZRTP,
  /** DTLS records (RFC 9147/6347). */
  DTLS,
  /** TURN ChannelData: never sent to a media port; dropped. */
  TURN_CHANNEL,
  /** RTP (RFC 3550). */
  RTP,
  /** RTCP (RFC 3550 §6), multiplexed on the RTP port (RFC 5761). */
  RTCP,
  /** Empty, a first byte RFC 7983 assigns to nothing, or RTP/RTCP without a second byte. */
  UNKNOWN;

  /** Classifies {@code length} bytes of {@code data} from {@code offset}. Allocation-free. */
  public static PacketKind classify(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    return classify(length, length == 0 ? 0 : data[offset] & 0xFF, length < 2 ? 0 : data[offset + 1] & 0xFF);
  }

  /** Classifies the bytes between position and limit; the buffer does not move. Allocation-free. */
  public static PacketKind classify(ByteBuffer datagram) {
    int p = datagram.position();
    int length = datagram.remaining();
    return classify(length, length == 0 ? 0 : datagram.get(p) & 0xFF, length < 2 ? 0 : datagram.get(p + 1) & 0xFF);
  }

  private static PacketKind classify(int length, int b, int second) {
    if (length == 0) {
      return UNKNOWN;
    }
    if (b <= 3) {
      return STUN;
    }
    if (b >= 16 && b <= 19) {
      return ZRTP;
    }
    if (b >= 20 && b <= 63) {
      return DTLS;
    }
    if (b >= 64 && b <= 79) {
      return TURN_CHANNEL;
    }
    if (b >= 128 && b <= 191) {
      if (length < 2) {
        return UNKNOWN;
      }
      return second >= 192 && second <= 223 ? RTCP : RTP;
    }
    return UNKNOWN;
  }

  /** {@link #classify(byte[], int, int)} over the whole array. */
  public static PacketKind classify(byte[] data) {
    return classify(data, 0, data.length);
  }
}
