package dev.junction.media.srtp;

import java.util.Objects;

/**
 * The two contexts of one DTLS-SRTP session: {@code outbound} protects what we send, under our
 * write key; {@code inbound} unprotects what the peer sends, under its write key. Each is
 * confined to one thread (see their Javadoc); they may be the same thread or two.
 */
public record SrtpContexts(OutboundSrtpContext outbound, InboundSrtpContext inbound) {

  public SrtpContexts {
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(inbound, "inbound");
  }
}
