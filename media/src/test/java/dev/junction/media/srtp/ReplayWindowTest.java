package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.srtp.SrtpException.Reason;
import org.junit.jupiter.api.Test;

/** The sliding window on its own. */
class ReplayWindowTest {

  @Test
  void anEmptyWindowAcceptsAnything() {
    ReplayWindow window = new ReplayWindow();

    assertThat(window.highest()).isEqualTo(-1);
    assertThat(window.check(0)).isNull();
    assertThat(window.check(1L << 47)).isNull();
  }

  @Test
  void eachIndexIsAcceptedOnce() {
    ReplayWindow window = new ReplayWindow();
    window.accept(10);
    window.accept(8);

    assertThat(window.check(10)).isEqualTo(Reason.REPLAYED);
    assertThat(window.check(8)).isEqualTo(Reason.REPLAYED);
    assertThat(window.check(9)).isNull();
    assertThat(window.check(11)).isNull();
    assertThat(window.highest()).isEqualTo(10);
  }

  @Test
  void theWindowHoldsExactlySizeIndices() {
    ReplayWindow window = new ReplayWindow();
    window.accept(5000);

    assertThat(window.check(5000 - ReplayWindow.SIZE + 1)).isNull();
    assertThat(window.check(5000 - ReplayWindow.SIZE)).isEqualTo(Reason.TOO_OLD);
  }

  @Test
  void slidingForwardForgetsTheBitsOfIndicesThatLeft() {
    // Index 3 and index 3 + SIZE share a bit; after sliding, 3 + SIZE must read as unseen.
    ReplayWindow window = new ReplayWindow();
    window.accept(3);
    window.accept(2 + ReplayWindow.SIZE);

    assertThat(window.check(3 + ReplayWindow.SIZE)).isNull();
    assertThat(window.check(3)).isEqualTo(Reason.REPLAYED);

    window.accept(4 + ReplayWindow.SIZE);

    assertThat(window.check(3 + ReplayWindow.SIZE)).isNull();
    assertThat(window.check(3)).isEqualTo(Reason.TOO_OLD);
  }

  @Test
  void aJumpFurtherThanTheWindowClearsIt() {
    ReplayWindow window = new ReplayWindow();
    for (int i = 0; i < ReplayWindow.SIZE; i++) {
      window.accept(i);
    }

    window.accept(10L * ReplayWindow.SIZE);

    for (long i = 9L * ReplayWindow.SIZE + 1; i < 10L * ReplayWindow.SIZE; i++) {
      assertThat(window.check(i)).isNull();
    }
    assertThat(window.check(10L * ReplayWindow.SIZE)).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void checkingChangesNothing() {
    ReplayWindow window = new ReplayWindow();
    window.accept(1);

    window.check(100);

    assertThat(window.highest()).isEqualTo(1);
    assertThat(window.check(100)).isNull();
  }
}
