package dev.junction.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads the few fields the load generator needs straight from the received bytes, without a JSON
 * parser: the client shares two cores with the server under test, so it must stay cheap. It finds
 * the first occurrence of a key; the messages it reads keep {@code type}, {@code name},
 * {@code target} and {@code benchSentNs} at the top level, ahead of nested objects, and both
 * relays under test forward the text unchanged or in the same field order.
 */
public final class Wire {

  private Wire() {}

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static final byte[] TYPE_KEY = ascii("\"type\":");
  static final byte[] ID_KEY = ascii("\"id\":");
  public static final byte[] SENT_KEY = ascii("\"benchSentNs\":");

  /** Index of {@code pattern} in {@code b} at or after {@code from}, or -1. */
  static int indexOf(byte[] b, byte[] pattern, int from) {
    int last = b.length - pattern.length;
    byte first = pattern[0];
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      if (b[i] != first) continue;
      for (int j = 1; j < pattern.length; j++) {
        if (b[i + j] != pattern[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static int skipSpaces(byte[] b, int i) {
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
    return i;
  }

  /** The string value of the first {@code "type":} key, or null. */
  static String type(byte[] b) {
    int k = indexOf(b, TYPE_KEY, 0);
    if (k < 0) return null;
    int i = skipSpaces(b, k + TYPE_KEY.length);
    if (i >= b.length || b[i] != '"') return null;
    int end = i + 1;
    while (end < b.length && b[end] != '"') end++;
    if (end >= b.length) return null;
    return new String(b, i + 1, end - i - 1, StandardCharsets.US_ASCII);
  }

  /** The integer value of the first {@code key} (a {@code "name":} pattern), or {@code missing}. */
  static long longValue(byte[] b, byte[] key, long missing) {
    int k = indexOf(b, key, 0);
    if (k < 0) return missing;
    int i = skipSpaces(b, k + key.length);
    boolean negative = i < b.length && b[i] == '-';
    if (negative) i++;
    long v = 0;
    int digits = 0;
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (b[i] - '0');
      i++;
      digits++;
    }
    if (digits == 0 || i == b.length) return missing; // a number cut off by the end is not trusted
    return negative ? -v : v;
  }

  static boolean contains(byte[] b, byte[] pattern) {
    return indexOf(b, pattern, 0) >= 0;
  }
}
