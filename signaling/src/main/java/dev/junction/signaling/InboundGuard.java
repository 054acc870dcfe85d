package dev.junction.signaling;

import java.util.function.LongSupplier;

/**
 * Admits or refuses each inbound message of one connection against its message and byte budgets.
 * A refused message is not processed; the transport closes the connection with 1008.
 *
 * <p>Confined to the connection's event loop.
 */
public final class InboundGuard {

  private final TokenBucket messages;
  private final TokenBucket bytes;

  public InboundGuard(RateLimits limits, LongSupplier nanoClock) {
    this.messages = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), nanoClock);
    this.bytes = new TokenBucket(limits.bytesPerSecond(), limits.byteBurst(), nanoClock);
  }

  /** Returns whether a message of {@code length} bytes fits both budgets, and spends them if so. */
  public boolean admit(int length) {
    return messages.tryTake(1) && bytes.tryTake(length);
  }
}
