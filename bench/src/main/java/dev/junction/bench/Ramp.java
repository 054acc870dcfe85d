package dev.junction.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Opens {@code total} connections with at most {@code concurrency} of them connecting or logging
 * in at once: each finished login (or failure) starts the next one. Thread-safe.
 */
public final class Ramp {

  private final int total;
  private final int concurrency;
  private final IntConsumer starter;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final CountDownLatch done;

  public Ramp(int total, int concurrency, IntConsumer starter) {
    this.total = total;
    this.concurrency = Math.max(1, concurrency);
    this.starter = starter;
    this.done = new CountDownLatch(total);
  }

  private void start() {
    for (int i = 0; i < Math.min(concurrency, total); i++) launchNext();
  }

  private void launchNext() {
    int k = next.getAndIncrement();
    if (k < total) starter.accept(k);
  }

  public void finished(boolean success) {
    (success ? ok : failed).incrementAndGet();
    done.countDown();
    launchNext();
  }

  public void failed(String reason) {
    firstFailure.compareAndSet(null, reason);
    finished(false);
  }

  public void noteError(Throwable t) {
    firstError.compareAndSet(null, String.valueOf(t));
  }

  /**
   * Starts the ramp and waits until every connection has logged in or failed, or until
   * {@code timeoutSeconds} have passed, printing progress every 5 s. Returns the seconds it took.
   */
  public double run(String label, int timeoutSeconds, PrintStream out) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    start();
    while (!done.await(5, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
      out.printf(Locale.ROOT, "[%s]   ramp: %d logged in, %d failed after %.0f s%n", label, loggedIn(), failedCount(),
          (System.nanoTime() - begin) / 1e9);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    out.printf(Locale.ROOT, "[%s] ramp: %d of %d logged in, %d failed in %.1f s%s%n", label, loggedIn(), total, failedCount(),
        seconds, firstFailure() == null ? "" : " (first failure: " + firstFailure() + ")");
    return seconds;
  }

  public int loggedIn() {
    return ok.get();
  }

  public int failedCount() {
    return failed.get();
  }

  public String firstFailure() {
    return firstFailure.get();
  }

  public String firstError() {
    return firstError.get();
  }
}
