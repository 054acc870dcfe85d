package dev.junction.stun;

import java.util.Locale;
import java.util.Objects;

/**
 * The 14-bit STUN message type: a method and a class interleaved (RFC 8489 §5, Figure 3).
 *
 * <pre>
 *    0                 1
 *    2  3  4 5 6 7 8 9 0 1 2 3 4 5
 *   +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
 *   |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
 *   +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The class bits sit inside the method bits so that the Binding request is 0x0001 and its success
 * response 0x0101, as in RFC 3489.
 */
public record MessageType(Method method, MessageClass messageClass) {

  public static final MessageType BINDING_REQUEST = new MessageType(Method.BINDING, MessageClass.REQUEST);
  public static final MessageType BINDING_INDICATION = new MessageType(Method.BINDING, MessageClass.INDICATION);
  public static final MessageType BINDING_SUCCESS = new MessageType(Method.BINDING, MessageClass.SUCCESS_RESPONSE);
  public static final MessageType BINDING_ERROR = new MessageType(Method.BINDING, MessageClass.ERROR_RESPONSE);
  public static final MessageType ALLOCATE_REQUEST = new MessageType(Method.ALLOCATE, MessageClass.REQUEST);
  public static final MessageType ALLOCATE_SUCCESS = new MessageType(Method.ALLOCATE, MessageClass.SUCCESS_RESPONSE);
  public static final MessageType ALLOCATE_ERROR = new MessageType(Method.ALLOCATE, MessageClass.ERROR_RESPONSE);
  public static final MessageType REFRESH_REQUEST = new MessageType(Method.REFRESH, MessageClass.REQUEST);
  public static final MessageType REFRESH_SUCCESS = new MessageType(Method.REFRESH, MessageClass.SUCCESS_RESPONSE);
  public static final MessageType REFRESH_ERROR = new MessageType(Method.REFRESH, MessageClass.ERROR_RESPONSE);
  public static final MessageType SEND_INDICATION = new MessageType(Method.SEND, MessageClass.INDICATION);
  public static final MessageType DATA_INDICATION = new MessageType(Method.DATA, MessageClass.INDICATION);
  public static final MessageType CREATE_PERMISSION_REQUEST =
      new MessageType(Method.CREATE_PERMISSION, MessageClass.REQUEST);
  public static final MessageType CREATE_PERMISSION_SUCCESS =
      new MessageType(Method.CREATE_PERMISSION, MessageClass.SUCCESS_RESPONSE);
  public static final MessageType CREATE_PERMISSION_ERROR =
      new MessageType(Method.CREATE_PERMISSION, MessageClass.ERROR_RESPONSE);
  public static final MessageType CHANNEL_BIND_REQUEST = new MessageType(Method.CHANNEL_BIND, MessageClass.REQUEST);
  public static final MessageType CHANNEL_BIND_SUCCESS =
      new MessageType(Method.CHANNEL_BIND, MessageClass.SUCCESS_RESPONSE);
  public static final MessageType CHANNEL_BIND_ERROR =
      new MessageType(Method.CHANNEL_BIND, MessageClass.ERROR_RESPONSE);

  public MessageType {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(messageClass, "messageClass");
  }

  /** The type with this method and class. */
  public static MessageType of(Method method, MessageClass messageClass) {
    return new MessageType(method, messageClass);
  }

  /**
   * Splits a 14-bit wire value into method and class. Every value is a valid type; the two most
   * significant bits of the 16-bit field are checked by the decoder, not here.
   */
  public static MessageType fromWire(int type) {
    int method = (type & 0x000F) | (type & 0x00E0) >>> 1 | (type & 0x3E00) >>> 2;
    int c = (type & 0x0010) >>> 4 | (type & 0x0100) >>> 7;
    return new MessageType(new Method(method), MessageClass.ofBits(c));
  }

  /** The 14-bit wire value. */
  public int toWire() {
    int m = method.code();
    int c = messageClass.bits();
    return (m & 0x000F) | (m & 0x0070) << 1 | (m & 0x0F80) << 2 | (c & 0b01) << 4 | (c & 0b10) << 7;
  }

  /** The success response to this type's method: what a server answers a request with. */
  public MessageType successResponse() {
    return new MessageType(method, MessageClass.SUCCESS_RESPONSE);
  }

  /** The error response to this type's method. */
  public MessageType errorResponse() {
    return new MessageType(method, MessageClass.ERROR_RESPONSE);
  }

  @Override
  public String toString() {
    return method + " " + messageClass.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
