package dev.junction.media.srtp;

import java.util.Objects;

/**
 * A packet was refused: it could not be protected or unprotected. The {@link #reason()} says which
 * rule it broke, for metrics; the message says where, for example {@code "SRTP ssrc 0x5501a0b2
 * index 61819: authentication tag mismatch"}.
 *
 * <p>This is the only exception a context throws for a bad packet, whatever its bytes. The caller
 * drops the packet and counts the reason; the context's state is unchanged by a refused packet
 * (nothing is learned from a packet that did not authenticate, RFC 3711 §3.3).
 *
 * <p><b>Why a checked exception and not a result value.</b> Refusals are expected events on the
 * receive path (replays, duplicates, junk from the network, a peer with stale keys), so the
 * compiler should make every caller decide what to do with one; the success path returns a plain
 * {@code int} length with no wrapper to allocate. Like {@code StunParseException} it carries no
 * stack trace, so a flood of forged packets costs one small object each, not a stack walk.
 */
public final class SrtpException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The rule a refused packet broke. */
  public enum Reason {
    /** Too short, not RTP/RTCP version 2, or a header that runs past the end. */
    MALFORMED,
    /** The authentication tag did not verify: a forged or damaged packet, or the wrong key. */
    AUTHENTICATION_FAILED,
    /**
     * The packet index was seen before: a replay on the inbound side; on the outbound side an
     * attempt to encrypt a second packet under an index (and so an IV) already used.
     */
    REPLAYED,
    /** The packet index is older than the replay window, so it cannot be told from a replay. */
    TOO_OLD,
    /** A new SSRC would exceed the number of streams a context tracks. */
    TOO_MANY_STREAMS
  }

  private final Reason reason;

  public SrtpException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The broken rule. */
  public Reason reason() {
    return reason;
  }
}
