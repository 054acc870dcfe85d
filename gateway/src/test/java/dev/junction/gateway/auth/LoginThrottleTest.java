package dev.junction.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ten failures a minute per address, then wait until the oldest is a minute old. */
class LoginThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final LoginThrottle throttle = new LoginThrottle(now::get);

  private void seconds(long s) {
    now.addAndGet(s * 1_000_000_000L);
  }

  @Test
  void anAddressMayFailNineTimesAndIsStoppedAtTheTenthUntilTheFirstIsAMinuteOld() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("192.0.2.1");
      seconds(1);
    }
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isZero();
    throttle.failed("192.0.2.1");
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isEqualTo(51);
    assertThat(throttle.retryAfterSeconds("192.0.2.2")).as("other addresses").isZero();
    seconds(51);
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isZero();
  }
}
