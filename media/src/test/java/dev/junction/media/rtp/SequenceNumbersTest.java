package dev.junction.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrap-aware arithmetic: 16-bit sequence numbers, 32-bit timestamps, NTP time. */
class SequenceNumbersTest {

  @Test
  void distanceTakesTheShortWayRound() {
    assertThat(SequenceNumbers.distance(10, 15)).isEqualTo(5);
    assertThat(SequenceNumbers.distance(15, 10)).isEqualTo(-5);
    assertThat(SequenceNumbers.distance(65535, 0)).isEqualTo(1);
    assertThat(SequenceNumbers.distance(65534, 2)).isEqualTo(4);
    assertThat(SequenceNumbers.distance(2, 65534)).isEqualTo(-4);
    assertThat(SequenceNumbers.distance(0, 32767)).isEqualTo(32767);
    assertThat(SequenceNumbers.distance(0, 32768)).as("half a cycle apart: undefined, said negative").isEqualTo(-32768);
    assertThat(SequenceNumbers.distance(7, 7)).isZero();
  }

  @Test
  void newerAcrossTheWrap() {
    assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
    assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
    assertThat(SequenceNumbers.isNewer(100, 99)).isTrue();
    assertThat(SequenceNumbers.isNewer(99, 99)).isFalse();
    assertThat(SequenceNumbers.next(65535)).isZero();
    assertThat(SequenceNumbers.add(65530, 10)).isEqualTo(4);
    assertThat(SequenceNumbers.add(3, -5)).isEqualTo(65534);
  }

  @Test
  void sortsAWindowThatStraddlesTheWrap() {
    List<Integer> window = new ArrayList<>(List.of(3, 65533, 0, 65535, 1, 65534));
    window.sort(SequenceNumbers::compare);
    assertThat(window).containsExactly(65533, 65534, 65535, 0, 1, 3);
  }

  @Test
  void timestampsWrapAt32Bits() {
    assertThat(Timestamps.distance(0xFFFFFFFFL, 0)).isEqualTo(1);
    assertThat(Timestamps.distance(0xFFFF_F000L, 0x1000L)).isEqualTo(0x2000);
    assertThat(Timestamps.distance(3600, 0)).isEqualTo(-3600);
    assertThat(Timestamps.isNewer(0x10, 0xFFFFFFF0L)).isTrue();
    assertThat(Timestamps.add(0xFFFFFFFFL, 3600)).isEqualTo(3599);
  }

  @Test
  void ntpTimeOfAnInstantAndBack() {
    Instant instant = Instant.parse("2024-05-01T12:00:00.250Z");
    long ntp = NtpTime.fromInstant(instant);

    assertThat(ntp >>> 32).isEqualTo(instant.getEpochSecond() + 2_208_988_800L);
    assertThat(ntp & 0xFFFFFFFFL).isEqualTo(0x40000000L); // a quarter second
    assertThat(NtpTime.toInstant(ntp)).isEqualTo(instant);
    assertThat(NtpTime.middle32(0x0123_4567_89AB_CDEFL)).isEqualTo(0x4567_89ABL);
  }
}
