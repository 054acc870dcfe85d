package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder against mutated messages (see {@link Mutator}): whatever the bytes, the only
 * exception is {@link StunParseException}, each input is handled in bounded time, and whatever
 * does decode can be verified, re-encoded and decoded again to the same values.
 *
 * <p>{@code -Dstun.fuzz.iterations=10000000} runs a longer campaign (bench profile);
 * {@code -Dstun.fuzz.seed=...} replays another one. A failure names its iteration and input.
 */
class StunFuzzTest {

  private static final int DEFAULT_ITERATIONS = 100_000;
  private static final int ITERATIONS = Integer.getInteger("stun.fuzz.iterations", DEFAULT_ITERATIONS);
  private static final long SEED = Long.getLong("stun.fuzz.seed", 0x5354554EL);
  private static final IntegrityKey KEY = Samples.KEY;

  @Test
  void onlyStunParseExceptionEscapesTheDecoder() throws Exception {
    List<byte[]> corpus = new ArrayList<>(TestVectors.all());
    corpus.addAll(Samples.messages());
    StunMessage.Builder everything = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random());
    Samples.everyAttribute().forEach(everything::add);
    corpus.add(everything.messageIntegrity(KEY).fingerprint().encode());
    Mutator mutator = new Mutator(new Random(SEED), corpus);
    int decoded = 0;
    int refused = 0;
    long slowestNanos = 0;

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startCpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutator.next();
      long before = System.nanoTime();
      DecodedMessage message;
      try {
        message = StunDecoder.decode(input);
      } catch (StunParseException expected) {
        refused++;
        continue;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError(describe(i, input) + " escaped the decoder", unexpected);
      } finally {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - before);
      }
      decoded++;
      try {
        roundTrip(message);
      } catch (Exception | Error e) {
        throw new AssertionError(describe(i, input) + " decoded but did not round-trip", e);
      }
    }
    long elapsedNanos = System.nanoTime() - start;
    long cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;

    System.out.printf("STUN fuzz: %,d inputs (seed 0x%x) in %,d ms wall, %,d ms CPU = %,.0f inputs per CPU second;"
            + " %,d decoded, verified and re-encoded, %,d refused; slowest decode %,d µs%n",
        ITERATIONS, SEED, elapsedNanos / 1_000_000, cpuNanos / 1_000_000, ITERATIONS / (cpuNanos / 1e9), decoded,
        refused, slowestNanos / 1_000);
    assertThat(decoded).as("mutations that still decode exercise the attribute decoders").isGreaterThan(ITERATIONS / 10);
    assertThat(refused).as("mutations that break the message exercise the rules").isGreaterThan(ITERATIONS / 10);
    assertThat(slowestNanos).as("no input takes long").isLessThan(1_000_000_000L);
    if (ITERATIONS <= DEFAULT_ITERATIONS) {
      // CPU time of this thread, so a benchmark running beside the build cannot fail the test.
      assertThat(cpuNanos).as("the default run stays well inside a unit-test budget").isLessThan(5_000_000_000L);
    }
  }

  /** Verification never throws; the values re-encode and decode back to themselves. */
  private static void roundTrip(DecodedMessage message) throws StunParseException {
    message.verifyIntegrity(KEY);
    message.verifyMessageIntegrity(KEY);
    message.verifyMessageIntegritySha256(KEY);
    message.hasValidFingerprint();
    message.message().unknownComprehensionRequired();
    StunMessage original = message.message();

    StunMessage again = StunDecoder.decode(original.newBuilder().encode()).message();

    // Plain checks: this runs for every decoded input, and AssertJ's are slower in a hot loop.
    List<StunAttribute> expected = new ArrayList<>(original.attributes());
    expected.removeIf(a -> a instanceof MessageIntegrity || a instanceof MessageIntegritySha256 || a instanceof Fingerprint);
    if (!again.type().equals(original.type())
        || !again.transactionId().equals(original.transactionId())
        || !again.attributes().equals(expected)) {
      throw new AssertionError("re-encoded as " + again + ", expected " + expected);
    }
  }

  private static String describe(int iteration, byte[] input) {
    return "iteration " + iteration + " of seed 0x" + Long.toHexString(SEED) + ", input " + Bytes.of(input).hex();
  }
}
