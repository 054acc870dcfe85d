package dev.junction.stun;

import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): in a 420 response, the comprehension-required attribute
 * types the server did not understand. See {@link StunMessage#unknownComprehensionRequired()}.
 *
 * @param types 16-bit attribute types
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {

  /** UNKNOWN-ATTRIBUTES. */
  public static final int TYPE = 0x000A;

  public UnknownAttributes {
    types = List.copyOf(types);
    for (int type : types) {
      Checks.unsigned16("attribute type", type);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }
}
