package dev.junction.stun;

/** The class of a STUN message: two bits, C1 and C0, of the message type (RFC 8489 §5). */
public enum MessageClass {
  /** 0b00: a request, answered by a success or error response. */
  REQUEST(0b00),
  /** 0b01: an indication, never answered (TURN's Send and Data). */
  INDICATION(0b01),
  /** 0b10: a success response. */
  SUCCESS_RESPONSE(0b10),
  /** 0b11: an error response, which carries ERROR-CODE. */
  ERROR_RESPONSE(0b11);

  private static final MessageClass[] BY_BITS = values();

  private final int bits;

  MessageClass(int bits) {
    this.bits = bits;
  }

  /** The two bits C1 C0. */
  public int bits() {
    return bits;
  }

  /** The class with bits C1 C0 = {@code bits & 0b11}. */
  public static MessageClass ofBits(int bits) {
    return BY_BITS[bits & 0b11];
  }
}
