package dev.junction.stun;

/**
 * REQUESTED-TRANSPORT (RFC 8656): the transport protocol a TURN client wants between the
 * relay and its peers, as an IPv4 protocol number. Any value decodes; a server answers one it
 * does not relay with 442.
 *
 * @param protocol 8-bit protocol number, {@link #UDP} in TURN proper, 6 (TCP) with RFC 6062
 */
public record RequestedTransport(int protocol) implements StunAttribute {

  /** REQUESTED-TRANSPORT. */
  public static final int TYPE = 0x0019;

  /** IANA protocol number of UDP. */
  public static final int PROTOCOL_UDP = 17;

  /** IANA protocol number of TCP. */
  public static final int PROTOCOL_TCP = 6;

  /** UDP relaying. */
  public static final RequestedTransport UDP = new RequestedTransport(PROTOCOL_UDP);

  public RequestedTransport {
    Checks.unsigned8("REQUESTED-TRANSPORT protocol", protocol);
  }

  @Override
  public int type() {
    return TYPE;
  }
}
