package dev.junction.media.ice;

import java.net.InetSocketAddress;

/**
 * What an {@link IceSession} tells its owner. Called on the thread that called
 * {@link IceDemux#receive} or {@link IceDemux#expireConsent}; must not block.
 */
public interface IceSessionListener {

  /** A listener that ignores everything. */
  IceSessionListener NONE = new IceSessionListener() {};

  /**
   * The browser nominated a pair (USE-CANDIDATE in a valid check, RFC 8445 §7.3.1.5): send media
   * and DTLS to {@code remote} from now on. Called again when the browser nominates another pair.
   */
  default void selected(IceSession session, InetSocketAddress remote) {}

  /**
   * No valid check arrived for the consent timeout (30 s, RFC 7675 §5.1): consent is lost, the
   * session is closed and nothing more may be sent to the peer.
   */
  default void consentExpired(IceSession session) {}
}
