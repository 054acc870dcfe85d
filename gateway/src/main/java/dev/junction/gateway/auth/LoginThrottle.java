package dev.junction.gateway.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: an address with {@link #MAX_FAILURES} failed logins in the last minute
 * is refused until the oldest of them is a minute old. Successful logins are not counted, so a
 * client that renews its token every hour never notices. Thread-safe; stale addresses are dropped
 * as the table grows, so a spray of addresses cannot fill memory.
 */
final class LoginThrottle {

  static final int MAX_FAILURES = 10;
  private static final long WINDOW_NANOS = 60_000_000_000L;
  private static final int PRUNE_ABOVE = 10_000;

  private final LongSupplier nanoClock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  LoginThrottle(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Seconds until {@code address} may try again; 0 when it may now. */
  long retryAfterSeconds(String address) {
    Deque<Long> recent = failures.get(address);
    if (recent == null) {
      return 0;
    }
    synchronized (recent) {
      long now = nanoClock.getAsLong();
      dropOld(recent, now);
      if (recent.size() < MAX_FAILURES) {
        return 0;
      }
      return Math.max(1, (recent.peekFirst() + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
    }
  }

  void failed(String address) {
    long now = nanoClock.getAsLong();
    if (failures.size() > PRUNE_ABOVE) {
      failures.values().removeIf(recent -> {
        synchronized (recent) {
          dropOld(recent, now);
          return recent.isEmpty();
        }
      });
    }
    Deque<Long> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      dropOld(recent, now);
      recent.addLast(now);
      while (recent.size() > MAX_FAILURES) {
        recent.removeFirst();
      }
    }
  }

  private static void dropOld(Deque<Long> recent, long now) {
    while (!recent.isEmpty() && now - recent.peekFirst() >= WINDOW_NANOS) {
      recent.removeFirst();
    }
  }
}
