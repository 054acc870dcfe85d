package dev.junction.turn;

import java.security.SecureRandom;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Relay ports held for a later Allocate (RFC 8656 §7.2, EVEN-PORT with the R bit): the odd port
 * above an even allocation, named by an unguessable RESERVATION-TOKEN, for 30 seconds.
 * Thread-safe.
 */
final class Reservations {

  static final long HOLD_MILLIS = 30_000;

  private record Held(int port, long expiresAtMillis) {}

  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<Long, Held> held = new ConcurrentHashMap<>();
  private final RelayPortRange ports;
  private final LongSupplier clockMillis;

  Reservations(RelayPortRange ports, LongSupplier clockMillis) {
    this.ports = ports;
    this.clockMillis = clockMillis;
  }

  long newToken() {
    return random.nextLong();
  }

  /** Holds {@code port}, already taken from the range, under {@code token}. */
  void hold(long token, int port) {
    held.put(token, new Held(port, clockMillis.getAsLong() + HOLD_MILLIS));
  }

  /** The port held under {@code token}, now the caller's; empty for an unknown or expired token. */
  OptionalInt take(long token) {
    Held port = held.remove(token);
    if (port == null) {
      return OptionalInt.empty();
    }
    if (clockMillis.getAsLong() >= port.expiresAtMillis) {
      ports.release(port.port);
      return OptionalInt.empty();
    }
    return OptionalInt.of(port.port);
  }

  /** Gives the ports of expired reservations back to the range. */
  void expire() {
    long now = clockMillis.getAsLong();
    held.entrySet().removeIf(entry -> {
      if (now < entry.getValue().expiresAtMillis) {
        return false;
      }
      ports.release(entry.getValue().port);
      return true;
    });
  }
}
