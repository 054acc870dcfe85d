package dev.junction.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs from a corpus of valid messages: the kinds of damage a parser meets on the
 * Internet (anchors §3.2 item 5) — flipped bits, truncation, lying length fields, attributes
 * spliced in from other messages, repeated or dropped — plus random bytes and random attributes
 * behind a valid header, which reach every attribute decoder.
 */
final class Mutator {

  /** Known types, with a few neighbours, so random attributes hit real decoders. */
  private static final int[] TYPES = {
    0x0001, 0x0006, 0x0008, 0x0009, 0x000A, 0x000C, 0x000D, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016,
    0x0017, 0x0018, 0x0019, 0x001A, 0x001C, 0x001D, 0x001E, 0x0020, 0x0022, 0x0024, 0x0025, 0x8000,
    0x8002, 0x8022, 0x8023, 0x8028, 0x8029, 0x802A, 0x0000, 0x7FFF, 0x8001, 0xFFFF,
  };

  private final Random random;
  private final List<byte[]> corpus;

  Mutator(Random random, List<byte[]> corpus) {
    this.random = random;
    this.corpus = corpus;
  }

  byte[] next() {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return randomBytes(random.nextInt(120));
    }
    if (kind <= 3) {
      return randomMessage();
    }
    byte[] message = pick().clone();
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      message = mutate(message);
    }
    return message;
  }

  private byte[] mutate(byte[] m) {
    switch (random.nextInt(9)) {
      case 0 -> flipBits(m);
      case 1 -> overwriteBytes(m);
      case 2 -> {
        return Arrays.copyOf(m, random.nextInt(m.length + 1));
      }
      case 3 -> {
        return extend(m);
      }
      case 4 -> corruptHeaderLength(m);
      case 5 -> corruptAttributeLength(m);
      case 6 -> {
        return splice(m);
      }
      case 7 -> {
        return rearrange(m);
      }
      default -> { // leave the header valid, damage one attribute's value
        List<int[]> attributes = attributes(m);
        if (!attributes.isEmpty()) {
          int[] a = attributes.get(random.nextInt(attributes.size()));
          if (a[1] > 4) {
            m[a[0] + 4 + random.nextInt(a[1] - 4)] = (byte) random.nextInt(256);
          }
        }
      }
    }
    return m;
  }

  private void flipBits(byte[] m) {
    if (m.length == 0) {
      return;
    }
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
    }
  }

  private void overwriteBytes(byte[] m) {
    if (m.length == 0) {
      return;
    }
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      m[random.nextInt(m.length)] = (byte) random.nextInt(256);
    }
  }

  private byte[] extend(byte[] m) {
    byte[] longer = Arrays.copyOf(m, m.length + 1 + random.nextInt(16));
    for (int i = m.length; i < longer.length; i++) {
      longer[i] = (byte) random.nextInt(256);
    }
    if (random.nextBoolean()) {
      fixLength(longer);
    }
    return longer;
  }

  private void corruptHeaderLength(byte[] m) {
    if (m.length < 4) {
      return;
    }
    int length = switch (random.nextInt(5)) {
      case 0 -> 0xFFFF;
      case 1 -> 0;
      case 2 -> m.length - 20 + 4 * (random.nextInt(5) - 2);
      case 3 -> m.length - 20 + random.nextInt(7) - 3;
      default -> random.nextInt(0x10000);
    };
    m[2] = (byte) (length >>> 8);
    m[3] = (byte) length;
  }

  private void corruptAttributeLength(byte[] m) {
    List<int[]> attributes = attributes(m);
    if (attributes.isEmpty()) {
      return;
    }
    int[] a = attributes.get(random.nextInt(attributes.size()));
    int declared = Wire.u16(m, a[0] + 2);
    int length = switch (random.nextInt(5)) {
      case 0 -> 0xFFFF;
      case 1 -> 0;
      case 2 -> declared + random.nextInt(9) - 4;
      case 3 -> m.length - a[0] - 4 + random.nextInt(3) - 1;
      default -> random.nextInt(0x10000);
    };
    m[a[0] + 2] = (byte) (length >>> 8);
    m[a[0] + 3] = (byte) length;
  }

  /** Inserts an attribute taken from another message at an attribute boundary. */
  private byte[] splice(byte[] m) {
    byte[] donor = pick();
    List<int[]> donorAttributes = attributes(donor);
    List<int[]> attributes = attributes(m);
    if (donorAttributes.isEmpty() || m.length < 20) {
      return m;
    }
    int[] d = donorAttributes.get(random.nextInt(donorAttributes.size()));
    int at = attributes.isEmpty() ? 20 : attributes.get(random.nextInt(attributes.size()))[0];
    if (random.nextInt(4) == 0) {
      at = m.length;
    }
    ByteBuffer out = ByteBuffer.allocate(m.length + d[1]);
    out.put(m, 0, at).put(donor, d[0], d[1]).put(m, at, m.length - at);
    fixLength(out.array());
    return out.array();
  }

  /** Drops, repeats or swaps whole attributes, keeping the length field right. */
  private byte[] rearrange(byte[] m) {
    List<int[]> attributes = attributes(m);
    if (attributes.isEmpty()) {
      return m;
    }
    List<int[]> order = new ArrayList<>(attributes);
    int i = random.nextInt(order.size());
    switch (random.nextInt(3)) {
      case 0 -> order.remove(i);
      case 1 -> order.add(random.nextInt(order.size() + 1), order.get(i));
      default -> order.add(random.nextInt(order.size()), order.remove(i));
    }
    ByteBuffer out = ByteBuffer.allocate(m.length + m.length);
    out.put(m, 0, 20);
    for (int[] a : order) {
      out.put(m, a[0], a[1]);
    }
    byte[] result = Arrays.copyOf(out.array(), out.position());
    fixLength(result);
    return result;
  }

  /** A valid header, then random attributes of plausible types and sizes. */
  private byte[] randomMessage() {
    ByteBuffer out = ByteBuffer.allocate(20 + 6 * (4 + 44));
    out.putShort((short) random.nextInt(0x4000)).putShort((short) 0).putInt(StunMessage.MAGIC_COOKIE);
    out.put(randomBytes(12));
    for (int n = random.nextInt(7); n > 0; n--) {
      int type = random.nextInt(8) == 0 ? random.nextInt(0x10000) : TYPES[random.nextInt(TYPES.length)];
      int length = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> new int[] {1, 4, 8, 16, 20, 32}[random.nextInt(6)];
        case 2 -> new int[] {1, 4, 8, 16, 20, 32}[random.nextInt(6)] + random.nextInt(3) - 1;
        default -> random.nextInt(41);
      };
      length = Math.max(0, length);
      byte[] value = randomBytes(length);
      if (length > 1 && random.nextBoolean()) {
        value[1] = (byte) (1 + random.nextInt(2)); // an address family, or an ERROR-CODE-ish byte
      }
      out.putShort((short) type).putShort((short) length).put(value).put(new byte[Wire.padded(length) - length]);
    }
    byte[] message = Arrays.copyOf(out.array(), out.position());
    fixLength(message);
    return message;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] pick() {
    return corpus.get(random.nextInt(corpus.size()));
  }

  private static void fixLength(byte[] m) {
    if (m.length >= 4) {
      int length = m.length - 20;
      m[2] = (byte) (length >>> 8);
      m[3] = (byte) length;
    }
  }

  /** Offsets and total sizes (header, value, padding) of the attributes that frame properly. */
  private static List<int[]> attributes(byte[] m) {
    List<int[]> found = new ArrayList<>();
    int pos = 20;
    while (pos + 4 <= m.length) {
      int size = 4 + Wire.padded(Wire.u16(m, pos + 2));
      if (pos + size > m.length) {
        break;
      }
      found.add(new int[] {pos, size});
      pos += size;
    }
    return found;
  }
}
