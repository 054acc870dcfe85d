package dev.junction.stun;

/**
 * One attribute of a STUN message: a typed, immutable value. Every attribute STUN, TURN (RFC 8656)
 * and ICE (RFC 8445) use has its own record; anything else decodes to {@link UnknownAttribute}.
 *
 * <p>Types 0x0000–0x7FFF are comprehension-required: an agent that does not understand one must
 * fail a request with 420 (Unknown Attribute) and list it in UNKNOWN-ATTRIBUTES (RFC 8489 §14).
 * Types 0x8000–0xFFFF are comprehension-optional and may be ignored.
 */
public sealed interface StunAttribute
    permits AddressAttribute,
        Username,
        UserHash,
        Realm,
        Nonce,
        PasswordAlgorithms,
        PasswordAlgorithm,
        ErrorCode,
        UnknownAttributes,
        Software,
        Lifetime,
        ChannelNumber,
        Data,
        RequestedTransport,
        DontFragment,
        EvenPort,
        ReservationToken,
        RequestedAddressFamily,
        AdditionalAddressFamily,
        Priority,
        UseCandidate,
        IceControlled,
        IceControlling,
        MessageIntegrity,
        MessageIntegritySha256,
        Fingerprint,
        UnknownAttribute {

  /** The 16-bit attribute type. */
  int type();

  /** Whether a receiver that does not understand this attribute must reject the request. */
  default boolean comprehensionRequired() {
    return isComprehensionRequired(type());
  }

  /** Types 0x0000–0x7FFF are comprehension-required (RFC 8489 §14). */
  static boolean isComprehensionRequired(int type) {
    return (type & 0x8000) == 0;
  }
}
