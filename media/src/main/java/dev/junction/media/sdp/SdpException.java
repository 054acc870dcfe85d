package dev.junction.media.sdp;

/**
 * Something is wrong with a session description. The two kinds: {@link SdpParseException}, the
 * text is not valid SDP; {@link AnswerMismatchException}, valid SDP that does not answer our offer.
 * Both messages name the broken rule.
 *
 * <p>Stackless, like {@code StunParseException}: signaling input comes from clients, and refusing
 * it should not cost a stack walk.
 */
public abstract sealed class SdpException extends Exception permits SdpParseException, AnswerMismatchException {

  private static final long serialVersionUID = 1L;

  SdpException(String message) {
    super(message, null, false, false);
  }
}
