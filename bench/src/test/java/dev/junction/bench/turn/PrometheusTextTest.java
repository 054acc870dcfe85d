package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String METRICS = """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.3631488E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 6863360.0
      jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 2513824.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 2.5265344E7
      jvm_memory_used_bytes_extra{area="heap"} 99
      junction_turn_allocations_total 1591.0
      junction_turn_channels 50.0 1700000000000
      """;

  @Test
  void sumsTheSamplesWithTheLabel() {
    assertThat(PrometheusText.sum(METRICS, "jvm_memory_used_bytes", "area=\"heap\"").getAsDouble())
        .isEqualTo(13631488.0 + 6863360.0 + 2513824.0);
  }

  @Test
  void withoutAFilterEverySampleOfTheNameCounts() {
    assertThat(PrometheusText.sum(METRICS, "jvm_memory_used_bytes", "").getAsDouble())
        .isEqualTo(13631488.0 + 6863360.0 + 2513824.0 + 25265344.0);
  }

  @Test
  void aNameIsMatchedExactlyNotAsAPrefix() {
    assertThat(PrometheusText.sum(METRICS, "junction_turn_allocations", "")).isEmpty();
    assertThat(PrometheusText.sum(METRICS, "junction_turn_allocations_total", "").getAsDouble()).isEqualTo(1591.0);
  }

  @Test
  void aTimestampAfterTheValueIsIgnored() {
    assertThat(PrometheusText.sum(METRICS, "junction_turn_channels", "").getAsDouble()).isEqualTo(50.0);
  }
}
