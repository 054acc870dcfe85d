package dev.junction.stun;

/**
 * REALM (RFC 8489 §14.9): the protection domain of a long-term credential; a server's 401 carries it and so does every request signed after it.
 *
 * <p>Fewer than 128 characters of UTF-8.
 */
public record Realm(String value) implements StunAttribute {

  /** REALM. */
  public static final int TYPE = 0x0014;

  public Realm {
    Checks.fewerThan128Characters("REALM", value);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
