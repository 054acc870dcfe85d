package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7983 §7: on a port shared with DTLS, RTP and TURN ChannelData, the first byte tells them
 * apart — 0–3 is STUN — and the magic cookie confirms it.
 */
class DemultiplexTest {

  @Test
  void everyStunMessageIsRecognised() {
    for (byte[] message : TestVectors.all()) {
      assertThat(StunDecoder.isStun(message, 0, message.length)).isTrue();
    }
  }

  @ParameterizedTest(name = "first byte {0}: {1}")
  @CsvSource({
    "0, true, STUN", "3, true, STUN", "4, false, unassigned", "16, false, ZRTP", "20, false, DTLS", "63, false, DTLS",
    "64, false, TURN ChannelData", "79, false, TURN ChannelData", "128, false, RTP/RTCP", "191, false, RTP/RTCP",
  })
  void theFirstByteDecides(int firstByte, boolean stun, String protocol) {
    byte[] packet = TestVectors.RFC5769_REQUEST.clone();
    packet[0] = (byte) firstByte;

    assertThat(StunDecoder.isStun(packet, 0, packet.length)).as(protocol).isEqualTo(stun);
    assertThat(StunDecoder.isStun(ByteBuffer.wrap(packet))).as(protocol).isEqualTo(stun);
  }

  @Test
  void theCookieConfirmsIt() {
    byte[] classic = TestVectors.RFC5769_REQUEST.clone();
    classic[5] = 0; // an RFC 3489 message has random bytes here

    assertThat(StunDecoder.isStun(classic, 0, classic.length)).isFalse();
    assertThat(StunDecoder.isStun(new byte[19], 0, 19)).as("shorter than a header").isFalse();
  }

  @Test
  void theBufferFormLooksFromItsPosition() {
    byte[] message = TestVectors.RFC5769_REQUEST;
    ByteBuffer buffer = ByteBuffer.allocate(message.length + 3);
    buffer.put(new byte[] {(byte) 0x80, 1, 2}).put(message).position(3);

    assertThat(StunDecoder.isStun(buffer)).isTrue();
    assertThat(buffer.position()).isEqualTo(3);
    assertThat(StunDecoder.isStun(buffer.position(0))).isFalse();
    assertThat(StunDecoder.isStun(new byte[40], 20, 20)).isFalse();
  }
}
