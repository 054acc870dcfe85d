package dev.junction.media.sdp;

/**
 * A well-formed answer that does not fit the gateway's offer: the video section rejected (port 0),
 * no H.264 payload type we offered, a DTLS role that would make us the client, missing ICE
 * credentials. The message names the rule, for instance {@code "the answer's a=setup:passive
 * would make the gateway the DTLS client; it must be the server (RFC 5763 §5: answer
 * setup:active)"}.
 */
public final class AnswerMismatchException extends SdpException {

  private static final long serialVersionUID = 1L;

  public AnswerMismatchException(String message) {
    super(message);
  }
}
