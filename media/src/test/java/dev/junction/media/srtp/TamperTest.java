package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every byte is authenticated: a change anywhere in a protected packet, or the wrong key, makes
 * it fail with an {@link SrtpException}, never a crash and never a "decrypted" packet.
 */
class TamperTest {

  private static final int SSRC = 0x7a3b9e01;

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aFlippedBitAnywhereInAnSrtpPacketIsRefused(SrtpProfile profile) throws Exception {
    SrtpMasterKey key = Keys.master(profile, 11);
    byte[] rtp = Hex.decode("90 60 1234 00000001 00000000 bede 0001 10ff0000 a1a2a3a4a5a6a7a8a9");
    Wire.putU32(rtp, 8, SSRC);
    byte[] buffer = Packets.withRoom(rtp);
    int length = OutboundSrtpContext.create(key).protectRtp(buffer, 0, rtp.length);
    byte[] srtp = Arrays.copyOf(buffer, length);
    int headerLength = 20;

    for (int at = 0; at < length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = srtp.clone();
        tampered[at] ^= (byte) (1 << bit);
        InboundSrtpContext inbound = InboundSrtpContext.create(key);
        int position = at;

        assertThatThrownBy(() -> inbound.unprotectRtp(tampered, 0, length))
            .as("byte %d bit %d", at, bit)
            .isInstanceOfSatisfying(SrtpException.class, e -> {
              if (position >= headerLength) {
                assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
              } else {
                // A header bit may also break the version, lengths, or make the index pre-ROC-0.
                assertThat(e.reason()).isIn(Reason.AUTHENTICATION_FAILED, Reason.MALFORMED, Reason.TOO_OLD);
              }
            });
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aFlippedBitAnywhereInAnSrtcpPacketIsRefused(SrtpProfile profile) throws Exception {
    SrtpMasterKey key = Keys.master(profile, 12);
    byte[] buffer = Packets.rtcp(SSRC, 20, 0x3c);
    int length = OutboundSrtpContext.create(key).protectRtcp(buffer, 0, 28);
    byte[] srtcp = Arrays.copyOf(buffer, length);

    for (int at = 0; at < length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = srtcp.clone();
        tampered[at] ^= (byte) (1 << bit);
        InboundSrtpContext inbound = InboundSrtpContext.create(key);
        int position = at;
        int bitInByte = bit;

        assertThatThrownBy(() -> inbound.unprotectRtcp(tampered, 0, length))
            .as("byte %d bit %d", at, bit)
            .isInstanceOfSatisfying(SrtpException.class, e -> {
              boolean versionBits = position == 0 && bitInByte >= 6;
              assertThat(e.reason()).isEqualTo(versionBits ? Reason.MALFORMED : Reason.AUTHENTICATION_FAILED);
            });
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theWrongKeyFailsAuthenticationForRtpAndRtcp(SrtpProfile profile) throws Exception {
    OutboundSrtpContext sender = OutboundSrtpContext.create(Keys.master(profile, 1));
    InboundSrtpContext receiver = InboundSrtpContext.create(Keys.master(profile, 2));
    byte[] rtp = Packets.rtp(SSRC, 1, 100, 9);
    int rtpLength = sender.protectRtp(rtp, 0, 112);
    byte[] rtcp = Packets.rtcp(SSRC, 16, 9);
    int rtcpLength = sender.protectRtcp(rtcp, 0, 24);

    assertThatThrownBy(() -> receiver.unprotectRtp(rtp, 0, rtpLength))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
        .hasMessage("SRTP ssrc 0x7a3b9e01 index 1: authentication tag mismatch");
    assertThatThrownBy(() -> receiver.unprotectRtcp(rtcp, 0, rtcpLength))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
        .hasMessage("SRTCP ssrc 0x7a3b9e01 index 0: authentication tag mismatch");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aTruncatedPacketIsRefused(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Packets.rtp(SSRC, 1, 100, 9);
    int length = contexts.outbound().protectRtp(packet, 0, 112);

    assertThatThrownBy(() -> contexts.inbound().unprotectRtp(packet, 0, length - 1))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void anSrtcpPacketIsNotAcceptedAsSrtp(SrtpProfile profile) throws Exception {
    // SRTP and SRTCP have separate session keys (labels 0-2 and 3-5).
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] rtcp = Packets.rtcp(SSRC, 16, 9);
    int length = contexts.outbound().protectRtcp(rtcp, 0, 24);

    assertThatThrownBy(() -> contexts.inbound().unprotectRtp(rtcp, 0, length)).isInstanceOf(SrtpException.class);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aRefusedPacketIsLeftAsItCame(SrtpProfile profile) throws Exception {
    // AES-CM: the tag is checked before decryption (RFC 3711 §3.3), so nothing is decrypted.
    // GCM: this pins SunJCE's behaviour (it verifies before it writes plaintext), which the
    // contexts document but do not promise for every provider.
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] packet = Packets.rtp(SSRC, 1, 100, 9);
    int length = contexts.outbound().protectRtp(packet, 0, 112);
    packet[length - 1] ^= 1;
    byte[] before = packet.clone();

    assertThatThrownBy(() -> contexts.inbound().unprotectRtp(packet, 0, length)).isInstanceOf(SrtpException.class);

    assertThat(packet).isEqualTo(before);
  }
}
