package dev.junction.stun;

/**
 * A STUN method: a 12-bit number (RFC 8489 §5). Methods this codec has no name for still decode,
 * so a server can answer them with an error instead of dropping them.
 *
 * @param code 0x000–0xFFF
 */
public record Method(int code) {

  /** RFC 8489. */
  public static final Method BINDING = new Method(0x001);
  /** RFC 8656. */
  public static final Method ALLOCATE = new Method(0x003);
  /** RFC 8656. */
  public static final Method REFRESH = new Method(0x004);
  /** RFC 8656: only as an indication. */
  public static final Method SEND = new Method(0x006);
  /** RFC 8656: only as an indication. */
  public static final Method DATA = new Method(0x007);
  /** RFC 8656. */
  public static final Method CREATE_PERMISSION = new Method(0x008);
  /** RFC 8656. */
  public static final Method CHANNEL_BIND = new Method(0x009);

  public Method {
    if (code < 0 || code > 0xFFF) {
      throw new IllegalArgumentException("a method is 12 bits, got 0x" + Integer.toHexString(code));
    }
  }

  /** The name the RFC gives the method, or its number in hex. */
  @Override
  public String toString() {
    return switch (code) {
      case 0x001 -> "Binding";
      case 0x003 -> "Allocate";
      case 0x004 -> "Refresh";
      case 0x006 -> "Send";
      case 0x007 -> "Data";
      case 0x008 -> "CreatePermission";
      case 0x009 -> "ChannelBind";
      default -> String.format("Method(0x%03x)", code);
    };
  }
}
