package dev.junction.stun;

/**
 * USERNAME (RFC 8489 §14.3): who signs the message; with REALM it picks the long-term key, and in
 * ICE it is {@code "remote-ufrag:local-ufrag"} (RFC 8445).
 *
 * <p>At most 512 bytes of UTF-8: RFC 5389 allowed "less than 513 bytes" and RFC 8489 asks senders
 * for fewer than 509, so the older, larger bound is what a receiver accepts.
 *
 * @param value the name, already prepared with OpaqueString by whoever chose it
 */
public record Username(String value) implements StunAttribute {

  /** USERNAME. */
  public static final int TYPE = 0x0006;

  /** The largest value in bytes of UTF-8. */
  public static final int MAX_BYTES = 512;

  public Username {
    Checks.utf8AtMost("USERNAME", value, MAX_BYTES);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
