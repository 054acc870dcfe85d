package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bytes that are not SRTP: refused with {@link Reason#MALFORMED} and a message naming the rule.
 * Buffers too small for the output are the caller's bug and throw unchecked exceptions.
 */
class MalformedTest {

  private static final SrtpContexts GCM = Keys.oneDirection(SrtpProfile.AEAD_AES_128_GCM);

  private static void assertMalformed(ThrowingCall call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage(message);
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void rtpShorterThanTheFixedHeader() {
    byte[] packet = Hex.decode("80 60 0001 00000000 000000");

    assertMalformed(() -> GCM.inbound().unprotectRtp(packet, 0, packet.length),
        "RTP packet of 11 bytes is shorter than the 12-byte header");
  }

  @Test
  void rtpOfAnotherVersion() {
    byte[] packet = Packets.rtp(1, 1, 40, 0);
    packet[0] = 0x40;

    assertMalformed(() -> GCM.outbound().protectRtp(packet, 0, 52), "RTP version 1, expected 2");
  }

  @Test
  void rtpWhoseCsrcsRunPastTheEnd() {
    byte[] packet = Packets.rtp(1, 1, 40, 0);
    packet[0] = (byte) 0x8f; // 15 CSRCs: a 72-byte header

    assertMalformed(() -> GCM.outbound().protectRtp(packet, 0, 52), "RTP header of 72 bytes exceeds the packet's 52");
  }

  @Test
  void rtpWhoseExtensionRunsPastTheEnd() {
    byte[] packet = Hex.decode("90 60 0001 00000000 00000001 bede 0100 00000000");

    assertMalformed(() -> GCM.inbound().unprotectRtp(packet, 0, packet.length),
        "RTP header of 1040 bytes exceeds the packet's 20");
  }

  @Test
  void rtpWithAnExtensionBitButNoExtensionHeader() {
    byte[] packet = Hex.decode("90 60 0001 00000000 00000001");

    assertMalformed(() -> GCM.inbound().unprotectRtp(packet, 0, packet.length),
        "RTP header extension starts at 12 but the packet has 12 bytes");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void srtpWithNoRoomForTheTag(SrtpProfile profile) {
    InboundSrtpContext inbound = Keys.oneDirection(profile).inbound();
    int length = 12 + profile.tagLength() - 1;
    byte[] packet = Packets.rtp(1, 1, profile.tagLength() - 1, 0);

    assertMalformed(() -> inbound.unprotectRtp(packet, 0, length), String.format(
        "SRTP packet of %d bytes has no room for a %d-byte tag after its 12-byte header", length, profile.tagLength()));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void srtcpShorterThanHeaderTagAndIndex(SrtpProfile profile) {
    InboundSrtpContext inbound = Keys.oneDirection(profile).inbound();
    int minimum = 8 + profile.srtcpOverhead();
    byte[] packet = Packets.rtcp(1, minimum, 0);

    assertMalformed(() -> inbound.unprotectRtcp(packet, 0, minimum - 1),
        "RTCP packet of " + (minimum - 1) + " bytes, need at least " + minimum);
  }

  @Test
  void rtcpShorterThanItsHeader() {
    byte[] packet = Packets.rtcp(1, 0, 0);

    assertMalformed(() -> GCM.outbound().protectRtcp(packet, 0, 7), "RTCP packet of 7 bytes, need at least 8");
  }

  @Test
  void rtcpOfAnotherVersion() {
    byte[] packet = Packets.rtcp(1, 8, 0);
    packet[0] = 0;

    assertMalformed(() -> GCM.outbound().protectRtcp(packet, 0, 16), "RTCP version 0, expected 2");
  }

  @Test
  void anOutputBufferWithoutRoomForTheTagIsTheCallersBug() {
    byte[] packet = new byte[52];
    packet[0] = (byte) 0x80;

    assertThatThrownBy(() -> GCM.outbound().protectRtp(packet, 0, 52))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the output needs 68 bytes (packet 52 + overhead 16) from offset 0, but the buffer has 52");
  }

  @Test
  void inPlaceAtAnotherOffsetIsRefused() {
    byte[] packet = Packets.rtp(1, 1, 40, 0);

    assertThatThrownBy(() -> GCM.outbound().protectRtp(packet, 0, 52, packet, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("in-place protection needs the same offset for input and output, got 0 and 4");
  }

  @Test
  void aRangeOutsideTheArrayIsRefused() {
    byte[] packet = Packets.rtp(1, 1, 40, 0);

    assertThatThrownBy(() -> GCM.inbound().unprotectRtp(packet, 10, packet.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void randomBytesOnlyEverRaiseSrtpException(SrtpProfile profile) {
    // Junk from the network must never crash the receive path.
    InboundSrtpContext inbound = Keys.oneDirection(profile).inbound();
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      byte[] junk = new byte[random.nextInt(80)];
      random.nextBytes(junk);
      if (junk.length > 0 && random.nextBoolean()) {
        junk[0] = (byte) (0x80 | junk[0] & 0x3f); // version 2, to reach deeper
      }
      boolean rtcp = random.nextBoolean();
      try {
        if (rtcp) {
          inbound.unprotectRtcp(junk, 0, junk.length);
        } else {
          inbound.unprotectRtp(junk, 0, junk.length);
        }
      } catch (SrtpException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }
}
