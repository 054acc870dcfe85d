package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void meanSkipsMissingValues() {
    assertThat(Stats.mean(List.of(1.0, 2.0, Double.NaN, 6.0))).isEqualTo(3.0);
    assertThat(Stats.mean(List.of(Double.NaN))).isNaN();
    assertThat(Stats.mean(List.of())).isNaN();
  }

  @Test
  void ratioIsNotANumberWhenASideIsMissingOrZero() {
    assertThat(Stats.ratio(182_000, 151_000)).isCloseTo(1.2053, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(Stats.ratio(1, 0)).isNaN();
    assertThat(Stats.ratio(Double.NaN, 1)).isNaN();
  }

  @Test
  void compactNumbers() {
    assertThat(Stats.compact(182_345)).isEqualTo("182k");
    assertThat(Stats.compact(15_630)).isEqualTo("15.6k");
    assertThat(Stats.compact(950)).isEqualTo("950");
    assertThat(Stats.compact(2_500_000)).isEqualTo("2.5M");
    assertThat(Stats.compact(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void unitsAndRatios() {
    assertThat(Stats.times(1.2053)).isEqualTo("1.21x");
    assertThat(Stats.times(Double.NaN)).isEqualTo("n/a");
    assertThat(Stats.seconds(0.8)).isEqualTo("0.80 s");
    assertThat(Stats.mib(512.0 * 1024 * 1024)).isEqualTo("512.0 MiB");
  }
}
