package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FanoutWindowTest {

  @Test
  void aMessageIsInFlightUntilTheSlowestReceiverHasIt() {
    FanoutWindow w = new FanoutWindow(3, 2);
    assertThat(w.maySend()).isTrue();
    w.sent();
    w.sent();
    assertThat(w.maySend()).isFalse();
    w.delivered(0);
    w.delivered(1);
    assertThat(w.inFlight()).isEqualTo(2); // receiver 2 has nothing yet
    assertThat(w.maySend()).isFalse();
    w.delivered(2);
    assertThat(w.inFlight()).isEqualTo(1);
    assertThat(w.maySend()).isTrue();
  }

  @Test
  void aFastReceiverDoesNotOpenTheWindow() {
    FanoutWindow w = new FanoutWindow(2, 1);
    w.sent();
    w.delivered(0);
    assertThat(w.maySend()).isFalse();
    w.delivered(1);
    assertThat(w.maySend()).isTrue();
  }
}
