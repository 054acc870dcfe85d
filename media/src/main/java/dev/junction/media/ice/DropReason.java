package dev.junction.media.ice;

/** Why {@link IceDemux} dropped a datagram: for counters, never answered. */
public enum DropReason {
  /** A first byte RFC 7983 gives nothing, or ZRTP, or TURN ChannelData. */
  NOT_STUN_DTLS_OR_RTP,
  /** The first byte says STUN but the bytes are not a STUN message. */
  MALFORMED_STUN,
  /**
   * A STUN message other than a Binding request: a lite agent sends no requests, so expects no
   * responses, and Binding indications are keepalives that get no answer (RFC 8445 §11).
   */
  NOT_A_BINDING_REQUEST,
  /**
   * No FINGERPRINT, or a wrong one: ICE checks must carry it (RFC 8445 §7.2.2), and a message
   * whose FINGERPRINT does not match is discarded (RFC 8489 §7.3).
   */
  BAD_FINGERPRINT,
  /** USERNAME names a ufrag no session has (see {@link IceDemux} for why this gets no 401). */
  UNKNOWN_UFRAG,
  /** DTLS, RTP or RTCP from an address no valid check came from. */
  UNKNOWN_SOURCE
}
