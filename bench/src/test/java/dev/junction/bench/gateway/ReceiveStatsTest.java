package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Loss, recovery and delay as a viewer counts them from sequence numbers and timestamps. */
class ReceiveStatsTest {

  private static final long MS = 1_000_000;

  private static void receive(ReceiveStats stats, int... sequences) {
    for (int sequence : sequences) {
      stats.media(sequence, 0, 1200, 0);
    }
  }

  @Test
  void anUnbrokenRunLosesNothingAcrossTheWrapOfSequenceNumbers() {
    ReceiveStats stats = new ReceiveStats();
    receive(stats, 65_533, 65_534, 65_535, 0, 1, 2);
    assertThat(stats.packets).isEqualTo(6);
    assertThat(stats.bytes).isEqualTo(6 * 1200);
    assertThat(stats.lost).isZero();
    assertThat(stats.takeNacks()).isEmpty();
  }

  @Test
  void aHoleIsLossAndIsNackedOnce() {
    ReceiveStats stats = new ReceiveStats();
    receive(stats, 10, 11, 14, 15);
    assertThat(stats.lost).isEqualTo(2);
    assertThat(stats.takeNacks()).containsExactly(12, 13);
    assertThat(stats.takeNacks()).isEmpty();
  }

  @Test
  void aRetransmissionFillsItsHoleAndOnlyOnce() {
    ReceiveStats stats = new ReceiveStats();
    receive(stats, 65_535, 1);
    stats.retransmission(0, 1214);
    stats.retransmission(0, 1214);
    assertThat(stats.lost).isEqualTo(1);
    assertThat(stats.retransmissions).isEqualTo(2);
    assertThat(stats.recovered).isEqualTo(stats.lost);
  }

  @Test
  void aLateArrivalFillsItsHoleAndARepeatIsADuplicate() {
    ReceiveStats stats = new ReceiveStats();
    receive(stats, 1, 3, 2, 3);
    assertThat(stats.lost).isEqualTo(1);
    assertThat(stats.recovered).isEqualTo(1);
    assertThat(stats.duplicates).isEqualTo(1);
  }

  @Test
  void aHugeGapCountsEveryPacketButRemembersABoundedNumberOfHoles() {
    ReceiveStats stats = new ReceiveStats();
    receive(stats, 0, 30_000);
    assertThat(stats.lost).isEqualTo(29_999);
    assertThat(stats.takeNacks()).hasSizeLessThanOrEqualTo(ReceiveStats.MAX_MISSING);
  }

  @Test
  void delayIsMeasuredAgainstTheBestSinceTheBaselineWasReset() {
    ReceiveStats stats = new ReceiveStats();
    // 90 kHz: 3600 ticks = 40 ms per frame; the third frame comes 25 ms late
    assertThat(stats.media(0, 0, 1200, 100 * MS)).isZero();
    assertThat(stats.media(1, 3600, 1200, 140 * MS)).isZero();
    assertThat(stats.media(2, 7200, 1200, 205 * MS)).isEqualTo(25 * MS);
    stats.resetDelayBaseline();
    assertThat(stats.media(3, 10_800, 1200, 245 * MS)).isZero();
  }

  @Test
  void timestampsAndSequenceNumbersExtendToTheNearestValue() {
    assertThat(ReceiveStats.extendNear(0, 65_535)).isEqualTo(65_536);
    assertThat(ReceiveStats.extendNear(65_535, 65_536)).isEqualTo(65_535);
    assertThat(ReceiveStats.extendNear32(10, 0xffff_fff0L)).isEqualTo(0x1_0000_000aL);
  }
}
