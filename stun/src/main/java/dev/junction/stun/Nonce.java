package dev.junction.stun;

/**
 * NONCE (RFC 8489 §14.10): the server's challenge, echoed by the client. A nonce starting with {@code "obMatJos2"} also carries the server's security feature bits (§9.2).
 *
 * <p>Fewer than 128 characters of UTF-8.
 */
public record Nonce(String value) implements StunAttribute {

  /** NONCE. */
  public static final int TYPE = 0x0015;

  public Nonce {
    Checks.fewerThan128Characters("NONCE", value);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
