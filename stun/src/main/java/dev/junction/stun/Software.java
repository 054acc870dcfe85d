package dev.junction.stun;

/**
 * SOFTWARE (RFC 8489 §14.14): the sender's name and version, for diagnostics only.
 *
 * <p>Fewer than 128 characters of UTF-8.
 */
public record Software(String value) implements StunAttribute {

  /** SOFTWARE. */
  public static final int TYPE = 0x8022;

  public Software {
    Checks.fewerThan128Characters("SOFTWARE", value);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
