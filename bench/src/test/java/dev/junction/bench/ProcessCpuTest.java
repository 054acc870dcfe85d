package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUtimePlusStimeEvenWhenTheCommandHasSpacesAndParens() {
    String line = "4242 (node (relay) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 50 0 0 20 0 11 0 123 456 789";
    assertThat(ProcessCpu.parse(line, 100)).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void ownProcessHasUsedSomeCpu() {
    assertThat(ProcessCpu.self(100).seconds()).isGreaterThan(0);
  }
}
