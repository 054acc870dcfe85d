package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rollover counter: RFC 3711 Appendix A's index estimation, kept per SSRC on both sides as
 * sequence numbers wrap from 65535 to 0.
 */
class RolloverTest {

  private static final int SSRC = 0x0a0b0c0d;

  // ---- Appendix A, on its own ----

  @Test
  void theFirstPacketOfAStreamHasRocZero() {
    assertThat(PacketIndex.estimate(-1, 0)).isEqualTo(0);
    assertThat(PacketIndex.estimate(-1, 65535)).isEqualTo(65535);
  }

  @Test
  void aSequenceNumberJustAfterAWrapBelongsToTheNextRoc() {
    assertThat(PacketIndex.estimate(65535, 0)).isEqualTo(65536);
    assertThat(PacketIndex.estimate((5L << 16) | 60000, 100)).isEqualTo((6L << 16) | 100);
  }

  @Test
  void aSequenceNumberJustBeforeAWrapBelongsToThePreviousRoc() {
    assertThat(PacketIndex.estimate((1L << 16) | 10, 65530)).isEqualTo(65530);
  }

  @Test
  void nearbySequenceNumbersKeepTheRoc() {
    long highest = (3L << 16) | 40000;
    assertThat(PacketIndex.estimate(highest, 40001)).isEqualTo((3L << 16) | 40001);
    assertThat(PacketIndex.estimate(highest, 39000)).isEqualTo((3L << 16) | 39000);
    assertThat(PacketIndex.estimate(highest, 7232)).as("s_l - 2^15 is not > SEQ").isEqualTo((3L << 16) | 7232);
    assertThat(PacketIndex.estimate(highest, 7231)).as("s_l - 2^15 > SEQ").isEqualTo((4L << 16) | 7231);
  }

  @Test
  void aSequenceNumberBeforeRocZeroHasNoIndex() {
    assertThat(PacketIndex.estimate(10, 65530)).isEqualTo(PacketIndex.BEFORE_START);
  }

  // ---- Both contexts across 65535 -> 0 ----

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void senderAndReceiverAdvanceTheRocTogetherAtTheWrap(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    for (int i = 0; i < 20; i++) {
      int seq = (65525 + i) & 0xffff;
      byte[] packet = Packets.rtp(SSRC, seq, 40, i);

      int length = contexts.outbound().protectRtp(packet, 0, 52);
      int rtpLength = contexts.inbound().unprotectRtp(packet, 0, length);

      assertThat(rtpLength).isEqualTo(52);
      assertThat(packet[12]).isEqualTo((byte) i);
      long expectedRoc = seq >= 65525 ? 0 : 1;
      assertThat(contexts.outbound().rolloverCounter(SSRC)).isEqualTo(expectedRoc);
      assertThat(contexts.inbound().rolloverCounter(SSRC)).isEqualTo(expectedRoc);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theRocIsPartOfTheCryptoSoAReceiverThatMissedTheWrapCannotDecrypt(SrtpProfile profile) throws Exception {
    SrtpMasterKey key = Keys.master(profile, 3);
    OutboundSrtpContext outbound = OutboundSrtpContext.create(key);
    protect(outbound, 65535);
    byte[] afterWrap = Packets.rtp(SSRC, 3, 40, 0);
    int length = outbound.protectRtp(afterWrap, 0, 52); // ROC 1

    InboundSrtpContext joinedLate = InboundSrtpContext.create(key); // starts this SSRC at ROC 0

    assertThatThrownBy(() -> joinedLate.unprotectRtp(afterWrap, 0, length))
        .isInstanceOfSatisfying(SrtpException.class,
            e -> assertThat(e.reason()).isEqualTo(SrtpException.Reason.AUTHENTICATION_FAILED));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void packetsReorderedAcrossTheWrapAllDecrypt(SrtpProfile profile) throws Exception {
    SrtpContexts contexts = Keys.oneDirection(profile);
    int[] sent = {65533, 65534, 65535, 0, 1, 2};
    byte[][] packets = new byte[sent.length][];
    int[] lengths = new int[sent.length];
    for (int i = 0; i < sent.length; i++) {
      packets[i] = Packets.rtp(SSRC, sent[i], 30, sent[i]);
      lengths[i] = contexts.outbound().protectRtp(packets[i], 0, 42);
    }

    for (int i : new int[] {0, 3, 1, 4, 2, 5}) { // 65533, 0, 65534, 1, 65535, 2
      assertThat(contexts.inbound().unprotectRtp(packets[i], 0, lengths[i])).isEqualTo(42);
      assertThat(packets[i][12]).isEqualTo((byte) sent[i]);
    }
    assertThat(contexts.inbound().rolloverCounter(SSRC)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aSenderForwardingOutOfOrderGivesALatePacketItsOldRoc(SrtpProfile profile) throws Exception {
    // An SFU forwards in arrival order: 65535 may go out after 0 has.
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] zero = Packets.rtp(SSRC, 65534, 30, 1);
    int zeroLength = contexts.outbound().protectRtp(zero, 0, 42);
    byte[] wrapped = Packets.rtp(SSRC, 0, 30, 2);
    int wrappedLength = contexts.outbound().protectRtp(wrapped, 0, 42);
    byte[] late = Packets.rtp(SSRC, 65535, 30, 3);
    int lateLength = contexts.outbound().protectRtp(late, 0, 42);

    assertThat(contexts.outbound().rolloverCounter(SSRC)).isEqualTo(1);
    assertThat(contexts.inbound().unprotectRtp(zero, 0, zeroLength)).isEqualTo(42);
    assertThat(contexts.inbound().unprotectRtp(late, 0, lateLength)).isEqualTo(42);
    assertThat(contexts.inbound().unprotectRtp(wrapped, 0, wrappedLength)).isEqualTo(42);
    assertThat(late[12]).isEqualTo((byte) 3);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void threeCyclesOfSequenceNumbersWithGapsOfAThousand(SrtpProfile profile) throws Exception {
    // Gaps (lost packets) up to 2^15 keep the estimate right; a thousand keeps the test quick.
    SrtpContexts contexts = Keys.oneDirection(profile);
    for (long index = 0; index <= 3 * 65536 + 1000; index += 1000) {
      byte[] packet = Packets.rtp(SSRC, (int) (index & 0xffff), 8, (int) index);
      int length = contexts.outbound().protectRtp(packet, 0, 20);
      assertThat(contexts.outbound().rolloverCounter(SSRC)).isEqualTo(index >>> 16);

      assertThat(contexts.inbound().unprotectRtp(packet, 0, length)).isEqualTo(20);
      assertThat(contexts.inbound().rolloverCounter(SSRC)).isEqualTo(index >>> 16);
      assertThat(packet[12]).isEqualTo((byte) index);
    }
    assertThat(contexts.inbound().rolloverCounter(SSRC)).isEqualTo(3);
  }

  private static void protect(OutboundSrtpContext outbound, int seq) throws SrtpException {
    byte[] packet = Packets.rtp(SSRC, seq, 40, 0);
    outbound.protectRtp(packet, 0, 52);
  }
}
