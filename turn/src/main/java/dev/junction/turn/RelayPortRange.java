package dev.junction.turn;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The relay ports an allocation may take, {@code min..max} inclusive (default 49152–65535, as
 * coturn). Ports are handed out from a random starting point so relay addresses are hard to
 * guess (RFC 8656 §7.2 asks for this). When none is left the Allocate gets 508.
 *
 * <p>Thread-safe.
 */
public final class RelayPortRange {

  private final int min;
  private final int max;
  private final BitSet taken;
  private final RandomGenerator random;

  public RelayPortRange(int min, int max, RandomGenerator random) {
    if (min < 1024 || max > 65535 || min > max) {
      throw new IllegalArgumentException("relay ports must satisfy 1024 <= min <= max <= 65535, got " + min + ".." + max);
    }
    this.min = min;
    this.max = max;
    this.taken = new BitSet(max - min + 1);
    this.random = random;
  }

  /** Takes a free port (an even one when {@code even}); empty when none is left. */
  public synchronized OptionalInt acquire(boolean even) {
    int size = max - min + 1;
    int start = random.nextInt(size);
    for (int i = 0; i < size; i++) {
      int port = min + (start + i) % size;
      if ((!even || port % 2 == 0) && !taken.get(port - min)) {
        taken.set(port - min);
        return OptionalInt.of(port);
      }
    }
    return OptionalInt.empty();
  }

  /** Takes an even port together with the odd port above it (EVEN-PORT with the R bit). */
  public synchronized OptionalInt acquirePair() {
    int size = max - min + 1;
    int start = random.nextInt(size);
    for (int i = 0; i < size; i++) {
      int port = min + (start + i) % size;
      if (port % 2 == 0 && port + 1 <= max && !taken.get(port - min) && !taken.get(port + 1 - min)) {
        taken.set(port - min);
        taken.set(port + 1 - min);
        return OptionalInt.of(port);
      }
    }
    return OptionalInt.empty();
  }

  /** Takes exactly {@code port}, if it is in range and free. */
  public synchronized boolean acquireExactly(int port) {
    if (port < min || port > max || taken.get(port - min)) {
      return false;
    }
    taken.set(port - min);
    return true;
  }

  /** Gives {@code port} back. */
  public synchronized void release(int port) {
    if (port >= min && port <= max) {
      taken.clear(port - min);
    }
  }

  /** Ports in use now (for metrics). */
  public synchronized int inUse() {
    return taken.cardinality();
  }
}
