package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The RTP and RTCP decoders against 100,000 mutated packets (see {@link Mutator}): whatever the
 * bytes, the only exception is {@link RtpParseException}, and whatever decodes re-encodes to
 * bytes that decode to the same value. {@code -Drtp.fuzz.iterations=...} runs longer,
 * {@code -Drtp.fuzz.seed=...} replays another campaign; a failure names its input.
 */
class RtpFuzzTest {

  private static final int ITERATIONS = Integer.getInteger("rtp.fuzz.iterations", 100_000);
  private static final long SEED = Long.getLong("rtp.fuzz.seed", 0x525450L);

  private static final List<String> RTP = List.of(
      "80e0 1234 deadbeef 01020304 cafe",
      "b2 6f ffff ffffffff fffffffe 00000001 ffffffff bede 0001 10aa0000 010203 000003",
      "90 60 0001 00000000 00000001 bede 0002 1122 3344 5566 7788 7c85 01020304",
      "a0 60 0001 00000000 00000001 00000004");

  private static final List<String> RTCP = List.of(
      "81c8 000c 902f9e2e da8bd1fc dddda05a aaf4edd5 00000001 00000002 "
          + "bc5e9a40 10fffffe 000146e1 00000111 09f36432 00024a79",
      "81c9 0007 902f9e2e bc5e9a40 10fffffe 000146e1 00000111 09f36432 00024a79 81ca 0003 12345678 0103616263 00 0000",
      "82ca 0007 00000001 010178 06086a756e6374696f6e 00 0000 00000002 00000000",
      "82cb 0003 00000001 00000002 03627965",
      "81cd 0004 902f9e2e 902f9e2e aaaa5555 00010000",
      "80c9 0001 00000001 a1ce 0003 00000001 00000002 00000004",
      "84ce 0006 00000001 00000000 4bc4fcb4 07000000 00000002 ff000000",
      "8fce 0005 00000001 00000000 52454d42 010ff0fa 12345678 81cc 0003 00000001 54455354 01020304");

  @Test
  void onlyRtpParseExceptionEscapesTheDecoders() {
    List<byte[]> corpus = new ArrayList<>();
    RTP.forEach(hex -> corpus.add(Bytes.fromHex(hex).toByteArray()));
    RTCP.forEach(hex -> corpus.add(Bytes.fromHex(hex).toByteArray()));
    Mutator mutator = new Mutator(new Random(SEED), corpus);
    int[] decoded = new int[2];
    int[] refused = new int[2];

    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutator.next();
      try {
        RtpPacket packet = RtpPacket.decode(input);
        decoded[0]++;
        assertThat(RtpPacket.decode(packet.encode())).isEqualTo(packet);
      } catch (RtpParseException expected) {
        refused[0]++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError("RTP input " + i + " " + Bytes.of(input).hex(), unexpected);
      }
      try {
        RtcpCompound compound = RtcpCompound.decode(input);
        decoded[1]++;
        byte[] encoded = compound.encode();
        assertThat(encoded.length).isEqualTo(compound.encodedSize());
        assertThat(RtcpCompound.decode(encoded)).isEqualTo(compound);
      } catch (RtpParseException expected) {
        refused[1]++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError("RTCP input " + i + " " + Bytes.of(input).hex(), unexpected);
      }
    }

    System.out.printf("RTP fuzz: %,d inputs (seed 0x%x): RTP %,d decoded %,d refused; RTCP %,d decoded %,d refused%n",
        ITERATIONS, SEED, decoded[0], refused[0], decoded[1], refused[1]);
    assertThat(decoded[1]).as("mutations that still decode as RTCP reach the type decoders").isGreaterThan(ITERATIONS / 20);
    assertThat(refused[1]).as("mutations that break RTCP exercise the rules").isGreaterThan(ITERATIONS / 10);
  }
}
