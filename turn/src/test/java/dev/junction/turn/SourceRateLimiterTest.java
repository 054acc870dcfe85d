package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final SourceRateLimiter limiter = new SourceRateLimiter(3, now::get);

  @Test
  void eachSourceGetsItsBudgetPerSecond() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(Addresses.literal("198.51.100.1"))).isTrue();
    }
    assertThat(limiter.tryAcquire(Addresses.literal("198.51.100.1"))).isFalse();
    assertThat(limiter.tryAcquire(Addresses.literal("198.51.100.2"))).isTrue();
    now.addAndGet(1000);
    assertThat(limiter.tryAcquire(Addresses.literal("198.51.100.1"))).isTrue();
  }

  @Test
  void aFloodFromManySourcesNeverGrowsMemoryAndStillLimits() {
    int admitted = 0;
    for (int i = 0; i < 100_000; i++) {
      if (limiter.tryAcquire(Addresses.literal("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)))) {
        admitted++;
      }
    }
    assertThat(admitted).isLessThanOrEqualTo(4096 * 3);
  }
}
