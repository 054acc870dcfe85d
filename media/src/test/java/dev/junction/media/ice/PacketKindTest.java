package dev.junction.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** RFC 7983 §7's table, every first byte, and RFC 5761 §4's RTP/RTCP split. */
class PacketKindTest {

  @Test
  void everyFirstByte() {
    for (int b = 0; b < 256; b++) {
      byte[] packet = {(byte) b, 96, 0, 0};
      PacketKind expected;
      if (b <= 3) {
        expected = PacketKind.STUN;
      } else if (b >= 16 && b <= 19) {
        expected = PacketKind.ZRTP;
      } else if (b >= 20 && b <= 63) {
        expected = PacketKind.DTLS;
      } else if (b >= 64 && b <= 79) {
        expected = PacketKind.TURN_CHANNEL;
      } else if (b >= 128 && b <= 191) {
        expected = PacketKind.RTP;
      } else {
        expected = PacketKind.UNKNOWN; // 4-15, 80-127, 192-255
      }
      assertThat(PacketKind.classify(packet)).as("first byte %d", b).isEqualTo(expected);
      assertThat(PacketKind.classify(ByteBuffer.wrap(packet))).as("first byte %d, buffer", b).isEqualTo(expected);
    }
  }

  @Test
  void rtcpPacketTypesInTheSecondByte() {
    for (int second = 0; second < 256; second++) {
      byte[] packet = {(byte) 0x80, (byte) second};
      PacketKind expected = second >= 192 && second <= 223 ? PacketKind.RTCP : PacketKind.RTP;
      assertThat(PacketKind.classify(packet)).as("second byte %d", second).isEqualTo(expected);
    }
    // Real first bytes: RTP v2 with marker and payload type 96; RTCP SR (200), RR (201), PSFB (206), RTPFB (205).
    assertThat(PacketKind.classify(new byte[] {(byte) 0x80, (byte) 0xE0})).isEqualTo(PacketKind.RTP);
    assertThat(PacketKind.classify(new byte[] {(byte) 0x80, (byte) 200})).isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.classify(new byte[] {(byte) 0x81, (byte) 201})).isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.classify(new byte[] {(byte) 0x81, (byte) 206})).isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.classify(new byte[] {(byte) 0x8F, (byte) 205})).isEqualTo(PacketKind.RTCP);
  }

  @Test
  void tooShort() {
    assertThat(PacketKind.classify(new byte[0])).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.classify(new byte[] {(byte) 0x80})).as("RTP needs a second byte").isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketKind.classify(new byte[] {22})).as("DTLS by its first byte alone").isEqualTo(PacketKind.DTLS);
  }

  @Test
  void classifiesTheSliceItIsGiven() {
    byte[] data = {(byte) 0xFF, 22, (byte) 0x80, (byte) 200};
    assertThat(PacketKind.classify(data, 1, 1)).isEqualTo(PacketKind.DTLS);
    assertThat(PacketKind.classify(data, 2, 2)).isEqualTo(PacketKind.RTCP);
    assertThat(PacketKind.classify(ByteBuffer.wrap(data).position(2))).isEqualTo(PacketKind.RTCP);
  }
}
