package dev.junction.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Opens {@code total} connections with at most {@code concurrency} of them connecting or logging
 * in at once: each finished login (or failure) starts the next one. Thread-safe.
 */
final class Ramp {

  private final int total;
  private final int concurrency;
  private final IntConsumer starter;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final CountDownLatch done;

  Ramp(int total, int concurrency, IntConsumer starter) {
    this.total = total;
    this.concurrency = Math.max(1, concurrency);
    this.starter = starter;
    this.done = new CountDownLatch(total);
  }

  void start() {
    for (int i = 0; i < Math.min(concurrency, total); i++) launchNext();
  }

  private void launchNext() {
    int k = next.getAndIncrement();
    if (k < total) starter.accept(k);
  }

  void finished(boolean success) {
    (success ? ok : failed).incrementAndGet();
    done.countDown();
    launchNext();
  }

  void failed(String reason) {
    firstFailure.compareAndSet(null, reason);
    finished(false);
  }

  void noteError(Throwable t) {
    firstError.compareAndSet(null, String.valueOf(t));
  }

  boolean await(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }

  int loggedIn() {
    return ok.get();
  }

  int failedCount() {
    return failed.get();
  }

  String firstFailure() {
    return firstFailure.get();
  }

  String firstError() {
    return firstError.get();
  }
}
