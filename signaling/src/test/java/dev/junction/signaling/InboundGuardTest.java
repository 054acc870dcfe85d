package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundGuardTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void refusesWhenTheMessageBudgetIsSpent() {
    InboundGuard guard = new InboundGuard(new RateLimits(1, 2, 1_000_000, 1_000_000), nanos::get);
    assertThat(guard.admit(10)).isTrue();
    assertThat(guard.admit(10)).isTrue();
    assertThat(guard.admit(10)).isFalse();
    nanos.addAndGet(1_000_000_000L);
    assertThat(guard.admit(10)).isTrue();
  }

  @Test
  void refusesWhenTheByteBudgetIsSpent() {
    InboundGuard guard = new InboundGuard(new RateLimits(1000, 1000, 100, 150), nanos::get);
    assertThat(guard.admit(100)).isTrue();
    assertThat(guard.admit(100)).isFalse();
    assertThat(guard.admit(50)).isTrue();
  }
}
