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

  @Test
  void machineCpuSplitsProcessTimeFromInterrupts() {
    MachineCpu.Sample s = MachineCpu.parse("cpu  1000 50 250 7000 100 10 20 30 0 0", 100);
    assertThat(s.processes()).isCloseTo(13.0, within(1e-9)); // user+nice+system
    assertThat(s.interrupts()).isCloseTo(0.3, within(1e-9)); // irq+softirq
    assertThat(new MachineCpu(100).sample().processes()).isPositive();
  }
}
