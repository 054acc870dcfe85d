package dev.junction.media.rtp;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs from a corpus of valid packets: flipped bits, overwritten bytes, truncation,
 * junk appended, lying 16-bit length fields, splices of two packets, and random bytes. Seeded, so
 * a failure replays. Shared by the RTP/RTCP and H.264 fuzz tests.
 */
public final class Mutator {

  private final Random random;
  private final List<byte[]> corpus;

  public Mutator(Random random, List<byte[]> corpus) {
    this.random = random;
    this.corpus = List.copyOf(corpus);
  }

  public byte[] next() {
    if (random.nextInt(25) == 0) {
      byte[] junk = new byte[random.nextInt(80)];
      random.nextBytes(junk);
      return junk;
    }
    byte[] input = corpus.get(random.nextInt(corpus.size())).clone();
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      input = mutate(input);
    }
    return input;
  }

  private byte[] mutate(byte[] m) {
    if (m.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    switch (random.nextInt(7)) {
      case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
      case 2 -> {
        return Arrays.copyOf(m, random.nextInt(m.length + 1));
      }
      case 3 -> {
        byte[] longer = Arrays.copyOf(m, m.length + 1 + random.nextInt(8));
        for (int i = m.length; i < longer.length; i++) {
          longer[i] = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
        }
        return longer;
      }
      case 4 -> { // a 16-bit field, likely a length, set to something near or far
        if (m.length >= 4) {
          int at = random.nextInt(m.length / 2) * 2;
          int value = random.nextBoolean() ? random.nextInt(8) : random.nextInt(65536);
          m[Math.min(at, m.length - 2)] = (byte) (value >>> 8);
          m[Math.min(at, m.length - 2) + 1] = (byte) value;
        }
      }
      case 5 -> { // splice: the head of this one, the tail of another
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        int cut = random.nextInt(m.length + 1);
        int from = random.nextInt(other.length + 1);
        byte[] spliced = Arrays.copyOf(m, cut + other.length - from);
        System.arraycopy(other, from, spliced, cut, other.length - from);
        return spliced;
      }
      default -> { // the first byte, where version, flags and counts live
        m[0] = (byte) (m[0] & 0xc0 | random.nextInt(64));
      }
    }
    return m;
  }
}
