package dev.junction.stun;

import java.util.Objects;

/**
 * An attribute this codec has no type for, kept as type and raw value so it can be reported or
 * passed on. If it is {@linkplain #comprehensionRequired() comprehension-required}, a server must
 * answer the request with 420 (see {@link StunMessage#unknownComprehensionRequired()}).
 *
 * <p>The decoder produces it only for types it does not know. The encoder writes one with any
 * type as given, which lets a test client send a deliberately malformed known attribute.
 *
 * @param type 16-bit attribute type
 * @param value the value without padding
 */
public record UnknownAttribute(int type, Bytes value) implements StunAttribute {

  public UnknownAttribute {
    Checks.unsigned16("attribute type", type);
    Objects.requireNonNull(value, "value");
  }
}
