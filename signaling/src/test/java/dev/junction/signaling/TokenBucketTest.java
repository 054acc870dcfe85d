package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void startsFullAndRefusesPastItsCapacity() {
    TokenBucket bucket = new TokenBucket(10, 3, nanos::get);
    assertThat(bucket.tryTake(1)).isTrue();
    assertThat(bucket.tryTake(2)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
  }

  @Test
  void refillsAtItsRateUpToItsCapacity() {
    TokenBucket bucket = new TokenBucket(10, 5, nanos::get);
    assertThat(bucket.tryTake(5)).isTrue();
    nanos.addAndGet(100_000_000L); // 0.1 s → 1 token
    assertThat(bucket.tryTake(1)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
    nanos.addAndGet(60_000_000_000L); // a minute refills only up to the capacity
    assertThat(bucket.tryTake(5)).isTrue();
    assertThat(bucket.tryTake(1)).isFalse();
  }

  @Test
  void aRefusedTakeSpendsNothing() {
    TokenBucket bucket = new TokenBucket(1, 4, nanos::get);
    assertThat(bucket.tryTake(5)).isFalse();
    assertThat(bucket.tryTake(4)).isTrue();
  }

  @Test
  void rejectsNonPositiveSettingsByName() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, nanos::get)).hasMessage("perSecond must be > 0, got 0");
    assertThatThrownBy(() -> new TokenBucket(1, -2, nanos::get)).hasMessage("capacity must be > 0, got -2");
  }
}
