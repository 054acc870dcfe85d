package dev.junction.media.ice;

import dev.junction.stun.IntegrityKey;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ICE-lite side of one peer connection on the shared port: our credentials, the peer's
 * addresses that passed a check, the selected pair, consent. Made by {@link IceDemux#open}; its
 * state changes only through the demux, under the demux's lock. The getters may be called from
 * any thread.
 *
 * <p>A lite agent keeps no check list (RFC 8445 §2.5): a pair exists when a valid check arrives,
 * whether or not the peer ever signalled that address (a peer-reflexive candidate, §7.3.1.3), so
 * the remote candidates of the answer are not needed here.
 */
public final class IceSession {

  /**
   * The most addresses one session keeps routes for. A browser checks from each of its candidates
   * (host IPv4 and IPv6, server-reflexive, relayed, per interface); past this, the oldest route
   * that is not the selected pair goes, so a peer with the credentials cannot fill the table.
   */
  static final int MAX_ADDRESSES = 16;

  private final IceSessionListener listener;
  private volatile Generation current;
  private volatile Generation previous; // until a check proves the peer uses the restarted credentials
  private volatile InetSocketAddress selected;
  private volatile long lastConsentMillis;
  private volatile boolean closed;
  private final LinkedHashSet<InetSocketAddress> addresses = new LinkedHashSet<>(); // guarded by the demux
  private final Inbound.Deliver dtls;
  private final Inbound.Deliver rtp;
  private final Inbound.Deliver rtcp;

  /** Credentials with their key, computed once. */
  record Generation(IceCredentials credentials, IntegrityKey key) {
    static Generation of(IceCredentials credentials) {
      return new Generation(credentials, credentials.integrityKey());
    }
  }

  IceSession(IceCredentials credentials, IceSessionListener listener, long nowMillis) {
    this.current = Generation.of(credentials);
    this.listener = listener;
    this.lastConsentMillis = nowMillis;
    this.dtls = new Inbound.Deliver(this, PacketKind.DTLS);
    this.rtp = new Inbound.Deliver(this, PacketKind.RTP);
    this.rtcp = new Inbound.Deliver(this, PacketKind.RTCP);
  }

  /** Our current credentials, the ones to put in the next offer. */
  public IceCredentials localCredentials() {
    return current.credentials();
  }

  /** The peer's address of the nominated pair, if the browser has nominated one. */
  public Optional<InetSocketAddress> selectedAddress() {
    return Optional.ofNullable(selected);
  }

  /** Whether the session is closed: by {@link IceDemux#close}, or because consent expired. */
  public boolean isClosed() {
    return closed;
  }

  /** When the last valid check that counts for consent arrived, on the demux's clock. */
  public long lastConsentMillis() {
    return lastConsentMillis;
  }

  @Override
  public String toString() {
    InetSocketAddress s = selected;
    return "IceSession[ufrag=" + current.credentials().ufrag() + (s == null ? "" : ", selected=" + s)
        + (closed ? ", closed" : "") + "]";
  }

  // ---- package-private: called by IceDemux, under its lock except where noted ----

  IceSessionListener listener() {
    return listener;
  }

  /** The shared verdict for media of this kind: routing a packet allocates nothing. Lock-free. */
  Inbound.Deliver deliver(PacketKind kind) {
    return switch (kind) {
      case DTLS -> dtls;
      case RTP -> rtp;
      case RTCP -> rtcp;
      default -> throw new IllegalArgumentException("only DTLS, RTP and RTCP are delivered, not " + kind);
    };
  }

  /** The generation whose ufrag is {@code ufrag}, current or the one before a restart. Lock-free. */
  Optional<Generation> generation(String ufrag) {
    Generation c = current;
    if (c.credentials().ufrag().equals(ufrag)) {
      return Optional.of(c);
    }
    Generation p = previous;
    return p != null && p.credentials().ufrag().equals(ufrag) ? Optional.of(p) : Optional.empty();
  }

  boolean isCurrent(Generation g) {
    return g == current;
  }

  /** Installs new credentials; returns the generation that is no longer accepted at all, if any. */
  Optional<Generation> restart(IceCredentials credentials) {
    Generation dropped = previous;
    previous = current;
    current = Generation.of(credentials);
    return Optional.ofNullable(dropped);
  }

  /** The peer has used the current credentials: the ones before the restart are done. */
  Optional<Generation> retirePrevious() {
    Generation p = previous;
    previous = null;
    return Optional.ofNullable(p);
  }

  /** Both ufrags this session answers to now. */
  List<String> ufrags() {
    List<String> ufrags = new ArrayList<>(2);
    ufrags.add(current.credentials().ufrag());
    Generation p = previous;
    if (p != null) {
      ufrags.add(p.credentials().ufrag());
    }
    return ufrags;
  }

  /**
   * Records an address the session now owns the route of; returns the address that must lose its
   * route to stay within {@link #MAX_ADDRESSES}, if any.
   */
  Optional<InetSocketAddress> addAddress(InetSocketAddress address) {
    addresses.add(address);
    if (addresses.size() <= MAX_ADDRESSES) {
      return Optional.empty();
    }
    for (Iterator<InetSocketAddress> it = addresses.iterator(); it.hasNext(); ) {
      InetSocketAddress oldest = it.next();
      if (!oldest.equals(selected)) {
        it.remove();
        return Optional.of(oldest);
      }
    }
    return Optional.empty();
  }

  /** The addresses this session owns routes for, oldest first. */
  Set<InetSocketAddress> addresses() {
    return addresses;
  }

  InetSocketAddress selected() {
    return selected;
  }

  void select(InetSocketAddress address) {
    selected = address;
  }

  void consent(long nowMillis) {
    lastConsentMillis = nowMillis;
  }

  void markClosed() {
    closed = true;
  }
}
