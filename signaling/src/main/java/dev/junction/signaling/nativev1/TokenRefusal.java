package dev.junction.signaling.nativev1;

/** A token that does not let its client in; the message says why, for the client and the logs (never the token). */
public final class TokenRefusal extends Exception {

  /** Why a token was refused: each is its own error code on the wire. */
  public enum Reason {
    /** No token was presented where one is required ({@code token-missing}). */
    MISSING,
    /** Malformed, forged, an unknown key or algorithm, another issuer or audience, bad claims ({@code token-invalid}). */
    INVALID,
    /** Past its {@code exp}, or before its {@code nbf} ({@code token-expired}). */
    EXPIRED
  }

  private final Reason reason;

  public TokenRefusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
