package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protect then unprotect gives back the packet, for both profiles and every packet shape. */
class RoundTripTest {

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpWith1200BytePayload(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Packets.rtp(0x0badcafe, 1000, 1200, 0x42);
    byte[] plain = Arrays.copyOf(packet, 1212);

    int length = contexts.outbound().protectRtp(packet, 0, 1212);

    assertThat(length).isEqualTo(1212 + profile.srtpOverhead());
    assertThat(Arrays.copyOf(packet, 12)).as("header in the clear").isEqualTo(Arrays.copyOf(plain, 12));
    assertThat(Arrays.copyOfRange(packet, 12, 1212)).as("payload encrypted")
        .isNotEqualTo(Arrays.copyOfRange(plain, 12, 1212));

    int rtpLength = contexts.inbound().unprotectRtp(packet, 0, length);

    assertThat(rtpLength).isEqualTo(1212);
    assertThat(Arrays.copyOf(packet, rtpLength)).isEqualTo(plain);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpWithCsrcsAndHeaderExtensionKeepsThemInTheClear(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Hex.decode("""
        92 60 0001 00000000 11111111
        22222222 33333333
        bede 0002 10ff2203 04050000
        cafe babe cafe babe""");
    byte[] buffer = Packets.withRoom(packet);

    int length = contexts.outbound().protectRtp(buffer, 0, packet.length);

    int headerLength = 12 + 8 + 12; // fixed, two CSRCs, extension of two words
    assertThat(Arrays.copyOf(buffer, headerLength)).isEqualTo(Arrays.copyOf(packet, headerLength));
    assertThat(Arrays.copyOfRange(buffer, headerLength, packet.length))
        .isNotEqualTo(Arrays.copyOfRange(packet, headerLength, packet.length));

    int rtpLength = contexts.inbound().unprotectRtp(buffer, 0, length);

    assertThat(Arrays.copyOf(buffer, rtpLength)).isEqualTo(packet);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpWithEmptyPayload(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Packets.rtp(1, 1, 0, 0);

    int length = contexts.outbound().protectRtp(packet, 0, 12);
    int rtpLength = contexts.inbound().unprotectRtp(packet, 0, length);

    assertThat(length).isEqualTo(12 + profile.srtpOverhead());
    assertThat(rtpLength).isEqualTo(12);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpAtAnOffsetInALargerBuffer(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] rtp = Arrays.copyOf(Packets.rtp(7, 9, 50, 0x33), 62);
    byte[] buffer = new byte[100 + 62 + profile.srtpOverhead() + 100];
    Arrays.fill(buffer, (byte) 0xee);
    System.arraycopy(rtp, 0, buffer, 100, 62);

    int length = contexts.outbound().protectRtp(buffer, 100, 62);
    int rtpLength = contexts.inbound().unprotectRtp(buffer, 100, length);

    assertThat(Arrays.copyOfRange(buffer, 100, 100 + rtpLength)).isEqualTo(rtp);
    assertThat(Arrays.copyOf(buffer, 100)).containsOnly((byte) 0xee);
    assertThat(Arrays.copyOfRange(buffer, 100 + length, buffer.length)).containsOnly((byte) 0xee);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void protectingIntoAnotherBufferLeavesTheSourceAndMatchesInPlace(SrtpProfile profile) throws Exception {
    // The fan-out path: one plaintext, encrypted once per viewer into that viewer's buffer.
    SrtpMasterKey key = Keys.master(profile, 7);
    byte[] source = Packets.rtp(0x01010101, 500, 1200, 0x77);
    byte[] original = source.clone();
    byte[] out = new byte[1212 + profile.srtpOverhead()];
    byte[] inPlace = source.clone();

    int copied = OutboundSrtpContext.create(key).protectRtp(source, 0, 1212, out, 0);
    int same = OutboundSrtpContext.create(key).protectRtp(inPlace, 0, 1212);

    assertThat(source).isEqualTo(original);
    assertThat(copied).isEqualTo(same);
    assertThat(out).isEqualTo(Arrays.copyOf(inPlace, same));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void interleavedSsrcsKeepTheirOwnState(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    for (int seq = 0; seq < 50; seq++) {
      for (int ssrc : new int[] {0, -1, 0x12345678}) {
        byte[] packet = Packets.rtp(ssrc, seq, 20, seq);
        int length = contexts.outbound().protectRtp(packet, 0, 32);
        assertThat(contexts.inbound().unprotectRtp(packet, 0, length)).isEqualTo(32);
        assertThat(packet[12]).isEqualTo((byte) seq);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpCarriesTheEFlagAndAnIndexCountingFromZero(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    for (int expectedIndex = 0; expectedIndex < 3; expectedIndex++) {
      byte[] packet = Packets.rtcp(0x5eed5eed, 24, 0x10 + expectedIndex);
      byte[] plain = Arrays.copyOf(packet, 32);

      int length = contexts.outbound().protectRtcp(packet, 0, 32);

      assertThat(length).isEqualTo(32 + profile.srtcpOverhead());
      int trailer = profile == SrtpProfile.AEAD_AES_128_GCM ? length - 4 : length - 14;
      assertThat(Wire.u32(packet, trailer)).isEqualTo(0x80000000 | expectedIndex);
      assertThat(Arrays.copyOf(packet, 8)).as("header and SSRC in the clear").isEqualTo(Arrays.copyOf(plain, 8));
      assertThat(Arrays.copyOfRange(packet, 8, 32)).as("body encrypted").isNotEqualTo(Arrays.copyOfRange(plain, 8, 32));

      int rtcpLength = contexts.inbound().unprotectRtcp(packet, 0, length);

      assertThat(Arrays.copyOf(packet, rtcpLength)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpWithOnlyTheHeader(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Packets.rtcp(1, 0, 0);

    int length = contexts.outbound().protectRtcp(packet, 0, 8);

    assertThat(contexts.inbound().unprotectRtcp(packet, 0, length)).isEqualTo(8);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpIntoAnotherBufferLeavesTheSource(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] source = Packets.rtcp(3, 40, 0x21);
    byte[] original = source.clone();
    byte[] out = new byte[48 + profile.srtcpOverhead()];

    int length = contexts.outbound().protectRtcp(source, 0, 48, out, 0);

    assertThat(source).isEqualTo(original);
    assertThat(contexts.inbound().unprotectRtcp(out, 0, length)).isEqualTo(48);
    assertThat(Arrays.copyOf(out, 48)).isEqualTo(Arrays.copyOf(original, 48));
  }
}
