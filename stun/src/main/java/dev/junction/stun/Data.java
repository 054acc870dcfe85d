package dev.junction.stun;

import java.util.Objects;

/**
 * DATA (RFC 8656): the application payload of a Send or Data indication.
 *
 * @param value the payload; {@link Bytes#asReadOnlyBuffer()} hands it on without a copy
 */
public record Data(Bytes value) implements StunAttribute {

  /** DATA. */
  public static final int TYPE = 0x0013;

  public Data {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int type() {
    return TYPE;
  }
}
