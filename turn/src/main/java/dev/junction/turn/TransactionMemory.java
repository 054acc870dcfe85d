package dev.junction.turn;

import dev.junction.stun.Method;
import dev.junction.stun.TransactionId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers to authenticated requests, kept for 40 s so a retransmission gets the same answer
 * instead of being processed twice (RFC 8489 §6.3.1): a retransmitted Allocate must not meet
 * "437 Allocation Mismatch" from the allocation its first copy made, nor a retransmitted
 * Refresh(0) "437" from the allocation its first copy deleted. Thread-safe.
 */
final class TransactionMemory {

  /** The method is part of the key: coturn's 4.6 client reuses a transaction id for its next request. */
  private record Key(FiveTuple fiveTuple, TransactionId transaction, Method method) {}

  private record Answer(byte[] bytes, long expiresAtMillis) {}

  private final ConcurrentHashMap<Key, Answer> answers = new ConcurrentHashMap<>();

  void remember(FiveTuple fiveTuple, TransactionId transaction, Method method, byte[] response, long nowMillis) {
    answers.put(new Key(fiveTuple, transaction, method), new Answer(response, nowMillis + Lifetimes.TRANSACTION_MEMORY_MILLIS));
  }

  /** The answer already given to this transaction, or null. */
  byte[] recall(FiveTuple fiveTuple, TransactionId transaction, Method method, long nowMillis) {
    Answer answer = answers.get(new Key(fiveTuple, transaction, method));
    return answer != null && nowMillis < answer.expiresAtMillis ? answer.bytes : null;
  }

  void forgetExpired(long nowMillis) {
    answers.values().removeIf(answer -> nowMillis >= answer.expiresAtMillis);
  }

  int size() {
    return answers.size();
  }
}
