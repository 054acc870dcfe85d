package dev.junction.stun;

/**
 * The bytes are not a well-formed STUN message. The message names the broken rule, for example
 * {@code "attribute 0x0020 (XOR-MAPPED-ADDRESS) length 9 exceeds the 4 bytes left"}.
 *
 * <p>This is the only exception {@link StunDecoder} throws for bad input, whatever the bytes are.
 * A server usually drops such a datagram; over a stream it closes the connection, because the
 * framing can no longer be trusted.
 *
 * <p>It carries no stack trace: the message already says what was wrong and where, and a server
 * flooded with junk datagrams should not pay for a stack walk per packet (filling one in was
 * most of the cost of refusing a message).
 */
public final class StunParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public StunParseException(String message) {
    super(message, null, false, false);
  }

  public StunParseException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
