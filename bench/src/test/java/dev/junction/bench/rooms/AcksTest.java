package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AcksTest {

  @Test
  void acknowledgesTheHighestSeqEveryNFrames() {
    Acks acks = new Acks(3);
    assertThat(acks.received(1)).isEqualTo(-1);
    assertThat(acks.received(2)).isEqualTo(-1);
    assertThat(acks.received(3)).isEqualTo(3);
    assertThat(acks.received(4)).isEqualTo(-1);
    assertThat(acks.received(5)).isEqualTo(-1);
    assertThat(acks.received(6)).isEqualTo(6);
  }

  @Test
  void aReplayedLowerSeqDoesNotLowerTheAck() {
    Acks acks = new Acks(2);
    acks.received(10);
    assertThat(acks.received(4)).isEqualTo(10);
  }

  @Test
  void anIntervalBelowOneIsRefused() {
    assertThatThrownBy(() -> new Acks(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
