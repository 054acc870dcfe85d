package dev.junction.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One received message, read through {@link Wire}: lookups try a copy of the first
 * {@value #HEAD} bytes, where the fields the generator needs sit, and copy the whole message only
 * when a field is not found there (a user list, a relay that reorders fields). Used only on the
 * event loop that received the message.
 */
public final class Inbound {

  static final int HEAD = 256;

  private final Buffer buffer;
  private final byte[] head;
  private byte[] all;

  public Inbound(Buffer buffer) {
    this.buffer = buffer;
    this.head = buffer.length() <= HEAD ? buffer.getBytes() : buffer.getBytes(0, HEAD);
    if (head.length == buffer.length()) all = head;
  }

  private byte[] all() {
    if (all == null) all = buffer.getBytes();
    return all;
  }

  private boolean truncated() {
    return head != all;
  }

  public int length() {
    return buffer.length();
  }

  public String type() {
    String t = Wire.type(head);
    return t != null || !truncated() ? t : Wire.type(all());
  }

  public long longValue(byte[] key, long missing) {
    long v = Wire.longValue(head, key, Long.MIN_VALUE);
    if (v != Long.MIN_VALUE) return v;
    return truncated() ? Wire.longValue(all(), key, missing) : missing;
  }

  public boolean contains(byte[] pattern) {
    return Wire.contains(head, pattern) || (truncated() && Wire.contains(all(), pattern));
  }

  @Override
  public String toString() {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
