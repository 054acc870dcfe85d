package dev.junction.signaling.nativev1;

import dev.junction.signaling.CloseReason;
import dev.junction.signaling.ErrorKind;

/** The {@code code} of an {@code error} frame, with the metrics kind it is counted under. */
enum ErrorCode {
  BAD_JSON("bad-json", ErrorKind.BAD_JSON),
  BAD_MESSAGE("bad-message", ErrorKind.BAD_MESSAGE),
  UNKNOWN_TYPE("unknown-type", ErrorKind.UNKNOWN_TYPE),
  HELLO_REQUIRED("hello-required", ErrorKind.NOT_NAMED),
  HELLO_TIMEOUT("hello-timeout", ErrorKind.REGISTER_TIMEOUT),
  ALREADY_WELCOMED("already-welcomed", ErrorKind.BAD_MESSAGE),
  TOKEN_MISSING("token-missing", ErrorKind.TOKEN_MISSING),
  TOKEN_INVALID("token-invalid", ErrorKind.TOKEN_INVALID),
  TOKEN_EXPIRED("token-expired", ErrorKind.TOKEN_EXPIRED),
  BAD_IDENTITY("bad-identity", ErrorKind.BAD_NAME),
  BAD_NAME("bad-name", ErrorKind.BAD_NAME),
  IDENTITY_TAKEN("identity-taken", ErrorKind.ID_TAKEN),
  RESUME_FAILED("resume-failed", ErrorKind.RESUME_FAILED),
  BAD_ROOM("bad-room", ErrorKind.BAD_NAME),
  ROOM_NOT_GRANTED("room-not-granted", ErrorKind.NOT_GRANTED),
  NOT_GRANTED("not-granted", ErrorKind.NOT_GRANTED),
  ROOM_FULL("room-full", ErrorKind.ROOM_FULL),
  ROOM_LIMIT("room-limit", ErrorKind.ROOM_LIMIT),
  TOO_MANY_ROOMS("too-many-rooms", ErrorKind.ROOM_LIMIT),
  ALREADY_JOINED("already-joined", ErrorKind.BAD_MESSAGE),
  NOT_IN_ROOM("not-in-room", ErrorKind.NOT_IN_ROOM),
  PEER_NOT_IN_ROOM("peer-not-in-room", ErrorKind.UNKNOWN_TARGET);

  private final String wire;
  private final ErrorKind kind;

  ErrorCode(String wire, ErrorKind kind) {
    this.wire = wire;
    this.kind = kind;
  }

  /** The code as clients see it. */
  String wire() {
    return wire;
  }

  ErrorKind kind() {
    return kind;
  }

  /** The close that follows this error when it refuses a {@code hello} or {@code resume}. */
  CloseReason refusalClose() {
    return switch (this) {
      case TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED -> new CloseReason(4001, "authentication failed");
      case RESUME_FAILED -> new CloseReason(4004, "resume failed");
      case IDENTITY_TAKEN -> new CloseReason(4009, "identity taken");
      default -> new CloseReason(4002, "hello refused");
    };
  }
}
