package dev.junction.signaling.nativev1;

/** A client frame refused with an {@code error} frame; the message is the error's human text. */
final class Refusal extends Exception {

  private final ErrorCode code;

  Refusal(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }
}
