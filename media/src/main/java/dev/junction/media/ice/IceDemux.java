package dev.junction.media.ice;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunParseException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One UDP port shared by every peer connection, as ICE-lite (RFC 8445 §2.5) sees it: STUN
 * checks are matched to a session by our ufrag, everything else by its source address once a check
 * from that address succeeded (mediasoup's WebRtcServer model). Owns no socket: the transport
 * hands each datagram to {@link #receive} and does what the returned {@link Inbound} says.
 *
 * <ul>
 *   <li><b>First byte</b> (RFC 7983): STUN is checked here; DTLS, RTP and RTCP are delivered to
 *       the session that owns the source address; anything else is dropped.
 *   <li><b>Checks</b>: see {@link CheckResponder} for every answer and why.
 *   <li><b>Routes</b>: a valid check makes its source address route to the session. An address
 *       belongs to the first session that validated it until that session closes (mediasoup's
 *       rule): a peer holding one session's credentials cannot take another's route by spoofing
 *       its address. At most {@link IceSession#MAX_ADDRESSES} per session.
 *   <li><b>Nomination</b>: a valid check with USE-CANDIDATE from an address the session owns
 *       selects that pair (RFC 8445 §7.3.1.5; a lite agent has no check list, so the pair
 *       succeeded the moment the check did). A later nomination of another pair replaces it.
 *   <li><b>Consent</b> (RFC 7675): each valid check from the selected address (or, before any
 *       nomination, from any address) refreshes consent. {@link #expireConsent} closes sessions
 *       without one for {@link #CONSENT_TIMEOUT_MILLIS} and tells their listener; the transport
 *       calls it about once a second. A lite agent sends no consent checks of its own: the
 *       browser's keep coming every few seconds, and their absence is the signal.
 *   <li><b>ICE restart</b> (RFC 8445 §9): {@link #restart} installs new credentials; the old ones
 *       are still answered until the peer's first valid check with the new ones, so consent does
 *       not lapse while the new offer and answer travel. Routes and the selected pair stay.
 * </ul>
 *
 * <p>Thread-safe. Routing DTLS and RTP is a lock-free look-up that allocates nothing; checks are verified without a lock,
 * and their effects (routes, nomination, consent, restart) are recorded under one lock. Listeners
 * are called after the lock is released, on the calling thread, and must not throw.
 */
public final class IceDemux {

  /** RFC 7675 §5.1: consent expires 30 seconds after the last valid check. */
  public static final long CONSENT_TIMEOUT_MILLIS = 30_000;

  private final LongSupplier clockMillis;
  private final long consentTimeoutMillis;
  private final Object lock = new Object();
  private final ConcurrentHashMap<String, IceSession> byUfrag = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InetSocketAddress, IceSession> byAddress = new ConcurrentHashMap<>();
  private final Set<IceSession> sessions = new LinkedHashSet<>(); // guarded by lock

  /** @param clockMillis milliseconds of a monotonic clock, e.g. {@code System.nanoTime() / 1_000_000} */
  public IceDemux(LongSupplier clockMillis) {
    this(clockMillis, CONSENT_TIMEOUT_MILLIS);
  }

  /**
   * @param consentTimeoutMillis how long a session lives without a valid check; RFC 7675's 30 s
   *     unless an operator (or a test of session clean-up) wants it shorter
   */
  public IceDemux(LongSupplier clockMillis, long consentTimeoutMillis) {
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    if (consentTimeoutMillis <= 0) {
      throw new IllegalArgumentException("consentTimeoutMillis must be > 0, got " + consentTimeoutMillis);
    }
    this.consentTimeoutMillis = consentTimeoutMillis;
  }

  /**
   * Opens a session answering to {@code credentials}; consent runs from now.
   *
   * @throws IllegalStateException if another session has this ufrag
   */
  public IceSession open(IceCredentials credentials, IceSessionListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      requireFreeUfrag(credentials.ufrag());
      IceSession session = new IceSession(credentials, listener, clockMillis.getAsLong());
      byUfrag.put(credentials.ufrag(), session);
      sessions.add(session);
      return session;
    }
  }

  /** Opens a session with new random credentials, drawing again in the unlikely case of a ufrag clash. */
  public IceSession open(IceSessionListener listener) {
    while (true) {
      try {
        return open(IceCredentials.random(), listener);
      } catch (IllegalStateException clash) {
        // 48 random bits collided with a live session's ufrag: draw again
      }
    }
  }

  /**
   * ICE restart: the session answers to {@code credentials} from now on, and to the previous ones
   * until the peer proves it has the new ones. Both ufrag and password must change (RFC 8445 §9).
   *
   * @throws IllegalStateException if the session is closed or another session has the ufrag
   * @throws IllegalArgumentException if the ufrag or password did not change
   */
  public void restart(IceSession session, IceCredentials credentials) {
    synchronized (lock) {
      if (session.isClosed() || !sessions.contains(session)) {
        throw new IllegalStateException("restart of a closed session: " + session);
      }
      IceCredentials old = session.localCredentials();
      if (old.ufrag().equals(credentials.ufrag()) || old.pwd().equals(credentials.pwd())) {
        throw new IllegalArgumentException("an ICE restart changes both ufrag and password (RFC 8445 §9)");
      }
      requireFreeUfrag(credentials.ufrag());
      session.restart(credentials).ifPresent(dropped -> byUfrag.remove(dropped.credentials().ufrag(), session));
      byUfrag.put(credentials.ufrag(), session);
    }
  }

  /** Closes the session: its ufrags and routes are forgotten at once. No listener is called. */
  public void close(IceSession session) {
    synchronized (lock) {
      closeLocked(session);
    }
  }

  /**
   * Routes one datagram that arrived at the port.
   *
   * @param source the remote address it came from; must be resolved
   */
  public Inbound receive(byte[] data, int offset, int length, InetSocketAddress source) {
    Objects.checkFromIndexSize(offset, length, data.length);
    requireResolved(source);
    PacketKind kind = PacketKind.classify(data, offset, length);
    if (kind != PacketKind.STUN) {
      return route(kind, source);
    }
    DecodedMessage message;
    try {
      message = StunDecoder.decode(data, offset, length);
    } catch (StunParseException e) {
      return Inbound.Drop.of(DropReason.MALFORMED_STUN);
    }
    return check(message, source);
  }

  /**
   * {@link #receive(byte[], int, int, InetSocketAddress)} for the bytes between position and limit;
   * the position does not move.
   */
  public Inbound receive(ByteBuffer datagram, InetSocketAddress source) {
    requireResolved(source);
    PacketKind kind = PacketKind.classify(datagram);
    if (kind != PacketKind.STUN) {
      return route(kind, source);
    }
    DecodedMessage message;
    try {
      message = StunDecoder.decode(datagram);
    } catch (StunParseException e) {
      return Inbound.Drop.of(DropReason.MALFORMED_STUN);
    }
    return check(message, source);
  }

  /**
   * Closes every session whose consent expired: no valid check for the consent timeout
   * ({@link #CONSENT_TIMEOUT_MILLIS} unless configured). Calls each one's {@link IceSessionListener#consentExpired}.
   *
   * @return the sessions just closed
   */
  public List<IceSession> expireConsent() {
    long now = clockMillis.getAsLong();
    List<IceSession> expired = new ArrayList<>();
    synchronized (lock) {
      for (IceSession session : List.copyOf(sessions)) {
        if (now - session.lastConsentMillis() >= consentTimeoutMillis) {
          closeLocked(session);
          expired.add(session);
        }
      }
    }
    expired.forEach(s -> s.listener().consentExpired(s));
    return List.copyOf(expired);
  }

  /** The session a DTLS/RTP packet from {@code source} would go to. */
  public Optional<IceSession> sessionAt(InetSocketAddress source) {
    return Optional.ofNullable(byAddress.get(source));
  }

  /** The ufrags answered to now: one per session, two during an ICE restart. */
  public int ufragCount() {
    return byUfrag.size();
  }

  /** The source addresses routed to a session now. */
  public int routeCount() {
    return byAddress.size();
  }

  /** The open sessions. */
  public int sessionCount() {
    synchronized (lock) {
      return sessions.size();
    }
  }

  private Inbound route(PacketKind kind, InetSocketAddress source) {
    if (kind != PacketKind.DTLS && kind != PacketKind.RTP && kind != PacketKind.RTCP) {
      return Inbound.Drop.of(DropReason.NOT_STUN_DTLS_OR_RTP);
    }
    IceSession session = byAddress.get(source);
    return session == null ? Inbound.Drop.of(DropReason.UNKNOWN_SOURCE) : session.deliver(kind);
  }

  private Inbound check(DecodedMessage message, InetSocketAddress source) {
    CheckResponder.Outcome outcome = CheckResponder.respond(message, source, byUfrag::get);
    if (outcome instanceof CheckResponder.Dropped d) {
      return Inbound.Drop.of(d.reason());
    }
    if (outcome instanceof CheckResponder.Refused r) {
      return new Inbound.Reply(r.reply());
    }
    CheckResponder.Valid valid = (CheckResponder.Valid) outcome;
    if (record(valid, source)) {
      valid.session().listener().selected(valid.session(), source);
    }
    return new Inbound.Reply(valid.reply());
  }

  /** Records a valid check; true if it selected a new pair. */
  private boolean record(CheckResponder.Valid valid, InetSocketAddress source) {
    IceSession session = valid.session();
    long now = clockMillis.getAsLong();
    synchronized (lock) {
      if (session.isClosed()) {
        return false; // closed while the check was verified; the answer still goes out, harmlessly
      }
      if (session.isCurrent(valid.generation())) {
        session.retirePrevious().ifPresent(old -> byUfrag.remove(old.credentials().ufrag(), session));
      }
      IceSession owner = byAddress.putIfAbsent(source, session);
      boolean owns = owner == null || owner == session;
      if (owner == null) {
        session.addAddress(source).ifPresent(evicted -> byAddress.remove(evicted, session));
      }
      InetSocketAddress selected = session.selected();
      boolean select = valid.useCandidate() && owns && !source.equals(selected);
      if (select) {
        session.select(source);
      }
      if (select || selected == null || selected.equals(source)) {
        session.consent(now);
      }
      return select;
    }
  }

  private void closeLocked(IceSession session) {
    if (!sessions.remove(session)) {
      return;
    }
    session.markClosed();
    for (String ufrag : session.ufrags()) {
      byUfrag.remove(ufrag, session);
    }
    for (InetSocketAddress address : session.addresses()) {
      byAddress.remove(address, session);
    }
  }

  private void requireFreeUfrag(String ufrag) {
    if (byUfrag.containsKey(ufrag)) {
      throw new IllegalStateException("another session already has ufrag " + ufrag);
    }
  }

  private static void requireResolved(InetSocketAddress source) {
    if (source.isUnresolved()) {
      throw new IllegalArgumentException("source address must be resolved: " + source);
    }
  }
}
