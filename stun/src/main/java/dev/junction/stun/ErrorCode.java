package dev.junction.stun;

/**
 * ERROR-CODE (RFC 8489 §14.8): why a request failed, as an HTTP-like number 300–699 and a
 * human-readable reason. On the wire the hundreds digit (the class, 3–6) and the rest (0–99) sit
 * in separate fields.
 *
 * @param code 300–699
 * @param reason fewer than 128 characters; may be empty
 */
public record ErrorCode(int code, String reason) implements StunAttribute {

  /** ERROR-CODE. */
  public static final int TYPE = 0x0009;

  /** RFC 8489: the client should contact the ALTERNATE-SERVER. */
  public static final int TRY_ALTERNATE = 300;
  /** RFC 8489: malformed request. */
  public static final int BAD_REQUEST = 400;
  /** RFC 8489: missing or wrong credentials. */
  public static final int UNAUTHENTICATED = 401;
  /** RFC 8656: refused by policy, such as a peer address the relay may not reach. */
  public static final int FORBIDDEN = 403;
  /** RFC 8489: a comprehension-required attribute was not understood. */
  public static final int UNKNOWN_ATTRIBUTE = 420;
  /** RFC 8656: the request does not fit the 5-tuple's allocation. */
  public static final int ALLOCATION_MISMATCH = 437;
  /** RFC 8489: the nonce expired; retry with the new one. */
  public static final int STALE_NONCE = 438;
  /** RFC 8656: REQUESTED-ADDRESS-FAMILY names a family the server does not relay. */
  public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
  /** RFC 8656: credentials differ from those that created the allocation. */
  public static final int WRONG_CREDENTIALS = 441;
  /** RFC 8656: REQUESTED-TRANSPORT is not supported. */
  public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
  /** RFC 8656: the peer's family differs from the relayed address's family. */
  public static final int PEER_ADDRESS_FAMILY_MISMATCH = 443;
  /** RFC 8656: the user has too many allocations. */
  public static final int ALLOCATION_QUOTA_REACHED = 486;
  /** RFC 8445: both ICE agents claimed the same role. */
  public static final int ROLE_CONFLICT = 487;
  /** RFC 8489: a temporary server error. */
  public static final int SERVER_ERROR = 500;
  /** RFC 8656: the server cannot allocate now. */
  public static final int INSUFFICIENT_CAPACITY = 508;

  public ErrorCode {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("error code must be 300-699, got " + code);
    }
    Checks.fewerThan128Characters("ERROR-CODE reason phrase", reason);
  }

  /** The code with the reason phrase its RFC gives, or an empty reason for other codes. */
  public static ErrorCode of(int code) {
    return new ErrorCode(code, standardReason(code));
  }

  /** The hundreds digit, 3–6: the wire's Class field. */
  public int errorClass() {
    return code / 100;
  }

  /** The code modulo 100, 0–99: the wire's Number field. */
  public int number() {
    return code % 100;
  }

  @Override
  public int type() {
    return TYPE;
  }

  private static String standardReason(int code) {
    return switch (code) {
      case TRY_ALTERNATE -> "Try Alternate";
      case BAD_REQUEST -> "Bad Request";
      case UNAUTHENTICATED -> "Unauthenticated";
      case FORBIDDEN -> "Forbidden";
      case UNKNOWN_ATTRIBUTE -> "Unknown Attribute";
      case ALLOCATION_MISMATCH -> "Allocation Mismatch";
      case STALE_NONCE -> "Stale Nonce";
      case ADDRESS_FAMILY_NOT_SUPPORTED -> "Address Family not Supported";
      case WRONG_CREDENTIALS -> "Wrong Credentials";
      case UNSUPPORTED_TRANSPORT_PROTOCOL -> "Unsupported Transport Protocol";
      case PEER_ADDRESS_FAMILY_MISMATCH -> "Peer Address Family Mismatch";
      case ALLOCATION_QUOTA_REACHED -> "Allocation Quota Reached";
      case ROLE_CONFLICT -> "Role Conflict";
      case SERVER_ERROR -> "Server Error";
      case INSUFFICIENT_CAPACITY -> "Insufficient Capacity";
      default -> "";
    };
  }
}
