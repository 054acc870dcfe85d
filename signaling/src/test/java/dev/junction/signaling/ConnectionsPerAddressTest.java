package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionsPerAddressTest {

  @Test
  void countsEachAddressApartUpToTheLimit() {
    ConnectionsPerAddress limit = new ConnectionsPerAddress(2);
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
    limit.release("10.0.0.1");
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
  }

  @Test
  void forgetsAnAddressWithNoConnectionsLeft() {
    ConnectionsPerAddress limit = new ConnectionsPerAddress(5);
    limit.tryAcquire("10.0.0.1");
    limit.release("10.0.0.1");
    assertThat(limit.count("10.0.0.1")).isZero();
  }

  @Test
  void neverAdmitsMoreThanTheLimitUnderContention() throws Exception {
    ConnectionsPerAddress limit = new ConnectionsPerAddress(50);
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 400; i++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (limit.tryAcquire("10.0.0.9")) {
          admitted.incrementAndGet();
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(admitted.get()).isEqualTo(50);
    assertThat(limit.count("10.0.0.9")).isEqualTo(50);
  }
}
