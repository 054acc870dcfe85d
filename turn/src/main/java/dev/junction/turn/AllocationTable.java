package dev.junction.turn;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every allocation by its 5-tuple, and the quotas: allocations per user and in total (486 beyond
 * either). A slot is reserved before the relay socket is bound and released when the allocation
 * closes, so concurrent Allocates cannot overshoot a quota. Thread-safe.
 */
final class AllocationTable {

  private final int maxPerUser;
  private final int maxTotal;
  private final ConcurrentHashMap<FiveTuple, Allocation> byFiveTuple = new ConcurrentHashMap<>();
  /** 5-tuples whose Allocate is binding its relay socket right now: a retransmission waits for it. */
  private final ConcurrentHashMap<FiveTuple, Boolean> pending = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  AllocationTable(int maxPerUser, int maxTotal) {
    this.maxPerUser = maxPerUser;
    this.maxTotal = maxTotal;
  }

  /** The allocation on {@code fiveTuple}, expired or not (the sweep closes expired ones). */
  Allocation get(FiveTuple fiveTuple) {
    return byFiveTuple.get(fiveTuple);
  }

  /** Marks an Allocate in progress on {@code fiveTuple}; false if one already is. */
  boolean beginAllocate(FiveTuple fiveTuple) {
    return pending.putIfAbsent(fiveTuple, Boolean.TRUE) == null;
  }

  void endAllocate(FiveTuple fiveTuple) {
    pending.remove(fiveTuple);
  }

  /** Takes a quota slot for {@code user}; false when the user's or the server's quota is full. */
  boolean reserve(String user) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return false;
    }
    AtomicInteger count = perUser.computeIfAbsent(user, ignored -> new AtomicInteger());
    if (count.incrementAndGet() > maxPerUser) {
      count.decrementAndGet();
      total.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back a slot {@link #reserve} took. */
  void release(String user) {
    total.decrementAndGet();
    perUser.computeIfPresent(user, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  void put(Allocation allocation) {
    byFiveTuple.put(allocation.fiveTuple(), allocation);
  }

  /** Removes {@code allocation} if it is still the one on its 5-tuple; returns whether it was. */
  boolean remove(Allocation allocation) {
    return byFiveTuple.remove(allocation.fiveTuple(), allocation);
  }

  Collection<Allocation> all() {
    return byFiveTuple.values();
  }

  int size() {
    return byFiveTuple.size();
  }
}
