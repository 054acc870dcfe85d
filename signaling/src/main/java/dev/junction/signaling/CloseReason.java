package dev.junction.signaling;

/**
 * A WebSocket close code (RFC 6455 §7.4.1) with the reason text sent to the client.
 *
 * @param code the close code
 * @param text a short human-readable reason, at most 123 bytes of UTF-8
 */
public record CloseReason(int code, String text) {

  /** 1001: the server is shutting down, or the client was silent past the idle timeout. */
  public static CloseReason goingAway(String text) {
    return new CloseReason(1001, text);
  }

  /** 1003: the client sent a binary frame to a text-only protocol. */
  public static final CloseReason BINARY_NOT_ACCEPTED =
      new CloseReason(1003, "binary frames are not accepted");

  /** 1008: the client broke a policy, such as the message rate limit. */
  public static CloseReason policyViolation(String text) {
    return new CloseReason(1008, text);
  }

  /** 1009: the message was larger than the configured maximum. */
  public static final int MESSAGE_TOO_BIG = 1009;

  public CloseReason {
    if (code < 1000 || code > 4999) {
      throw new IllegalArgumentException("close code must be in 1000..4999, got " + code);
    }
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
      throw new IllegalArgumentException("close reason must fit 123 bytes: " + text);
    }
  }
}
