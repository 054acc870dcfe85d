package dev.junction.media.srtp;

/**
 * Per-SSRC state of a context: an open-addressing map from an {@code int} SSRC to a value, so the
 * per-packet lookup boxes nothing (a {@code HashMap<Integer, V>} would allocate an {@code Integer}
 * for almost every SSRC). Entries are never removed; the table holds at most {@value #MAX_STREAMS}.
 * Not thread-safe.
 */
final class SsrcTable<V> {

  /**
   * Streams a context tracks at most. Only authenticated packets (inbound) or our own (outbound)
   * add one, so this bounds what a misbehaving but keyed peer can make us hold: about 200 bytes per
   * stream. A fan-out viewer of a large room needs a few hundred.
   */
  static final int MAX_STREAMS = 1024;

  private int[] keys = new int[16];
  private Object[] values = new Object[16];
  private int size;

  /** The value for {@code ssrc}, or null. */
  @SuppressWarnings("unchecked")
  V get(int ssrc) {
    int mask = keys.length - 1;
    for (int i = slot(ssrc, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == ssrc) {
        return (V) values[i];
      }
    }
    return null;
  }

  boolean isFull() {
    return size >= MAX_STREAMS;
  }

  int size() {
    return size;
  }

  /** Adds a value for an SSRC that has none; the caller checked {@link #isFull()}. */
  void add(int ssrc, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(keys, values, ssrc, value);
    size++;
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        insert(keys, values, oldKeys[i], oldValues[i]);
      }
    }
  }

  private static void insert(int[] keys, Object[] values, int ssrc, Object value) {
    int mask = keys.length - 1;
    int i = slot(ssrc, mask);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = ssrc;
    values[i] = value;
  }

  private static int slot(int ssrc, int mask) {
    return (ssrc * 0x9e3779b9 >>> 16) & mask; // Fibonacci hashing; SSRCs are random anyway
  }
}
