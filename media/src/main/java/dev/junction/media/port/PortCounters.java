package dev.junction.media.port;

import dev.junction.media.ice.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What went through the media port, for metrics. Thread-safe. */
public final class PortCounters {

  private final LongAdder datagramsIn = new LongAdder();
  private final LongAdder datagramsOut = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder sendDropped = new LongAdder();
  private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);

  PortCounters() {
    for (DropReason reason : DropReason.values()) {
      drops.put(reason, new LongAdder());
    }
  }

  void received() {
    datagramsIn.increment();
  }

  void sent(int bytes) {
    datagramsOut.increment();
    bytesOut.add(bytes);
  }

  void droppedOnSend() {
    sendDropped.increment();
  }

  void drop(DropReason reason) {
    drops.get(reason).increment();
  }

  public long datagramsIn() {
    return datagramsIn.sum();
  }

  public long datagramsOut() {
    return datagramsOut.sum();
  }

  public long bytesOut() {
    return bytesOut.sum();
  }

  /** Datagrams not sent because the socket's queue was full (the kernel was not taking more). */
  public long sendDropped() {
    return sendDropped.sum();
  }

  public long dropped(DropReason reason) {
    return drops.get(reason).sum();
  }
}
