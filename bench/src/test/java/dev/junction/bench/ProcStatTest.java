package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  // A real line of this machine's /proc/PID/stat with utime 7 and stime 3 written in.
  private static final String LINE = "16555 (cat) R 16544 16544 25420 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 470979 "
      + "3133440 415 18446744073709551615 94859315040256 94859315060137 140720697858352 0 0 0 0 0 0 0 0 0 17 0 0 0";

  @Test
  void readsUtimeAndStimeAfterTheCommandName() {
    ProcStat stat = ProcStat.parse(LINE);

    assertThat(stat.userTicks()).isEqualTo(7);
    assertThat(stat.systemTicks()).isEqualTo(3);
    assertThat(stat.totalTicks()).isEqualTo(10);
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    ProcStat stat = ProcStat.parse(LINE.replace("(cat)", "(a (b) c)"));

    assertThat(stat.userTicks()).isEqualTo(7);
    assertThat(stat.systemTicks()).isEqualTo(3);
  }

  @Test
  void cpuSecondsBetweenTwoReadings() {
    ProcStat before = new ProcStat(100, 50);
    ProcStat after = new ProcStat(350, 125);

    assertThat(after.secondsSince(before, 100)).isCloseTo(3.25, within(1e-9));
  }

  @Test
  void readsThisProcess() throws Exception {
    ProcStat self = ProcStat.read(ProcessHandle.current().pid());

    assertThat(self.totalTicks()).isPositive();
  }

  @Test
  void refusesWhatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("1 (x) R 1 2")).isInstanceOf(IllegalArgumentException.class);
  }
}
