package dev.junction.stun;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The 96-bit transaction id of a STUN message (RFC 8489 §5). Held as two numbers rather than an
 * array, so it is immutable, cheap to compare and a good key for a server's transaction table.
 */
public final class TransactionId {

  /** Length on the wire. */
  public static final int LENGTH = 12;

  // SecureRandom is thread-safe; RFC 8489 §5 asks for ids "uniformly and randomly chosen" so
  // that an off-path attacker cannot guess a pending one and forge the response.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final long high; // bytes 0..7
  private final int low; // bytes 8..11

  private TransactionId(long high, int low) {
    this.high = high;
    this.low = low;
  }

  /** A new random id from a {@link SecureRandom}. */
  public static TransactionId random() {
    byte[] bytes = new byte[LENGTH];
    RANDOM.nextBytes(bytes);
    return of(bytes);
  }

  /** The id with these 12 bytes. */
  public static TransactionId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a transaction id has 12 bytes, got " + bytes.length);
    }
    return read(bytes, 0);
  }

  /** Parses 24 hex digits, for tests and logs. */
  public static TransactionId fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  static TransactionId read(byte[] bytes, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, LENGTH);
    return new TransactionId(buffer.getLong(), buffer.getInt());
  }

  /** A fresh copy of the 12 bytes. */
  public byte[] toByteArray() {
    return ByteBuffer.allocate(LENGTH).putLong(high).putInt(low).array();
  }

  void writeTo(ByteBuffer out) {
    out.putLong(high).putInt(low);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionId other && other.high == high && other.low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + low;
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(toByteArray());
  }
}
