package dev.junction.turn.io;

import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Binds again a port whose socket was just closed. The close runs on the socket's loop, and with
 * Java NIO the descriptor is only released at the selector's next wake-up, so the port comes back
 * a moment after {@code close()} returns.
 */
final class Rebind {

  private Rebind() {}

  /** Tries {@code bind} every 20 ms for up to 5 s; the first future that succeeded, else the last. */
  static <F extends Future<?>> F within5Seconds(Supplier<F> bind) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      F bound = bind.get();
      bound.awaitUninterruptibly(5, TimeUnit.SECONDS);
      if (bound.isSuccess() || System.nanoTime() > deadline) {
        return bound;
      }
      Thread.sleep(20);
    }
  }
}
