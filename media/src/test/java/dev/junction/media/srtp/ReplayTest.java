package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replay protection (RFC 3711 §3.3.2) on the receiving side, and its mirror on the sending side:
 * an index is never encrypted twice.
 */
class ReplayTest {

  private static final int SSRC = 0x00c0ffee;

  /** One protected packet, kept so it can be delivered again. */
  private record Sent(byte[] bytes, int length) {
    byte[] copy() {
      return Arrays.copyOf(bytes, length);
    }
  }

  private static Sent sendRtp(OutboundSrtpContext outbound, int seq) throws SrtpException {
    byte[] packet = Packets.rtp(SSRC, seq, 20, seq);
    return new Sent(packet, outbound.protectRtp(packet, 0, 32));
  }

  private static Sent sendRtcp(OutboundSrtpContext outbound) throws SrtpException {
    byte[] packet = Packets.rtcp(SSRC, 16, 1);
    return new Sent(packet, outbound.protectRtcp(packet, 0, 24));
  }

  private static int receive(InboundSrtpContext inbound, Sent sent) throws SrtpException {
    byte[] copy = sent.copy();
    return inbound.unprotectRtp(copy, 0, copy.length);
  }

  private static int receiveRtcp(InboundSrtpContext inbound, Sent sent) throws SrtpException {
    byte[] copy = sent.copy();
    return inbound.unprotectRtcp(copy, 0, copy.length);
  }

  private static void assertRefused(ThrowingCall call, Reason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aPacketDeliveredTwiceIsRefusedTheSecondTime(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    Sent packet = sendRtp(contexts.outbound(), 100);

    assertThat(receive(contexts.inbound(), packet)).isEqualTo(32);

    assertThatThrownBy(() -> receive(contexts.inbound(), packet))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED))
        .hasMessage("SRTP ssrc 0x00c0ffee index 100: replayed");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void reorderedPacketsWithinTheWindowAreAcceptedOnce(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    Sent[] sent = new Sent[10];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = sendRtp(contexts.outbound(), 1000 + i);
    }

    for (int i : new int[] {9, 0, 5, 1, 8, 2, 7, 3, 6, 4}) {
      assertThat(receive(contexts.inbound(), sent[i])).isEqualTo(32);
    }
    for (Sent again : sent) {
      assertRefused(() -> receive(contexts.inbound(), again), Reason.REPLAYED);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aPacketOlderThanTheWindowIsRefused(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    Sent oldest = sendRtp(contexts.outbound(), 976);
    Sent oldestInWindow = sendRtp(contexts.outbound(), 977);
    Sent newest = sendRtp(contexts.outbound(), 976 + ReplayWindow.SIZE);

    receive(contexts.inbound(), newest);

    assertThat(receive(contexts.inbound(), oldestInWindow)).isEqualTo(32);
    assertThatThrownBy(() -> receive(contexts.inbound(), oldest))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_OLD))
        .hasMessage("SRTP ssrc 0x00c0ffee index 976: older than the replay window of 1024");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aForgedPacketChangesNoState(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    receive(contexts.inbound(), sendRtp(contexts.outbound(), 10));
    Sent next = sendRtp(contexts.outbound(), 11);

    // A forgery claiming seq 30000 (which would move the window far ahead) and a forgery of seq 11.
    byte[] forged = next.copy();
    forged[2] = (byte) (30000 >>> 8);
    forged[3] = (byte) 30000;
    assertRefused(() -> contexts.inbound().unprotectRtp(forged, 0, forged.length), Reason.AUTHENTICATION_FAILED);
    byte[] forgedEleven = next.copy();
    forgedEleven[20] ^= 1;
    assertRefused(() -> contexts.inbound().unprotectRtp(forgedEleven, 0, forgedEleven.length),
        Reason.AUTHENTICATION_FAILED);

    assertThat(receive(contexts.inbound(), next)).as("seq 11 neither replayed nor too old").isEqualTo(32);
    assertThat(contexts.inbound().rolloverCounter(SSRC)).isZero();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aForgedPacketFromANewSsrcCreatesNoStream(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] forged = sendRtp(contexts.outbound(), 5).copy();
    forged[forged.length - 1] ^= 1;

    assertRefused(() -> contexts.inbound().unprotectRtp(forged, 0, forged.length), Reason.AUTHENTICATION_FAILED);

    assertThat(contexts.inbound().rolloverCounter(SSRC)).isEqualTo(-1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void anSrtcpPacketDeliveredTwiceIsRefusedTheSecondTime(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    Sent first = sendRtcp(contexts.outbound());
    Sent second = sendRtcp(contexts.outbound());

    assertThat(receiveRtcp(contexts.inbound(), second)).isEqualTo(24);
    assertThat(receiveRtcp(contexts.inbound(), first)).isEqualTo(24);

    assertThatThrownBy(() -> receiveRtcp(contexts.inbound(), first))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED))
        .hasMessage("SRTCP ssrc 0x00c0ffee index 0: replayed");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void anSrtcpPacketOlderThanTheWindowIsRefused(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    Sent first = sendRtcp(contexts.outbound());
    Sent last = null;
    for (int i = 0; i < ReplayWindow.SIZE; i++) {
      last = sendRtcp(contexts.outbound());
    }

    receiveRtcp(contexts.inbound(), last); // index 1024

    assertRefused(() -> receiveRtcp(contexts.inbound(), first), Reason.TOO_OLD);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theSenderRefusesToEncryptAnIndexTwice(SrtpProfile profile) throws Exception {
    // A second packet under the same (SSRC, index) would reuse the keystream or the GCM nonce.
    OutboundSrtpContext outbound = Keys.oneDirection(profile).outbound();
    sendRtp(outbound, 7);

    assertThatThrownBy(() -> sendRtp(outbound, 7))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED))
        .hasMessage("SRTP ssrc 0x00c0ffee index 7: already protected once; resend the protected bytes or use RTX");
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theSenderAcceptsAnUnsentOlderIndexButNotOneOlderThanItsWindow(SrtpProfile profile) throws Exception {
    OutboundSrtpContext outbound = Keys.oneDirection(profile).outbound();
    sendRtp(outbound, 5000);

    sendRtp(outbound, 5000 - ReplayWindow.SIZE + 1);

    assertRefused(() -> sendRtp(outbound, 5000 - ReplayWindow.SIZE), Reason.TOO_OLD);
  }
}
