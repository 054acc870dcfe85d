package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {

  @Test
  void nearestRankOfTenValues() {
    Quantiles q = new Quantiles(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
    assertThat(q.median()).isEqualTo(5);
    assertThat(q.at(0.9)).isEqualTo(9);
    assertThat(q.at(1)).isEqualTo(10);
    assertThat(q.min()).isEqualTo(1);
    assertThat(q.max()).isEqualTo(10);
    assertThat(q.count()).isEqualTo(10);
  }

  @Test
  void oneValueIsEveryQuantile() {
    Quantiles q = new Quantiles(new double[] {42});
    assertThat(q.at(0.01)).isEqualTo(42);
    assertThat(q.at(0.9)).isEqualTo(42);
  }

  @Test
  void refusesNoValuesAndQuantilesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new Quantiles(new double[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Quantiles(new double[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
