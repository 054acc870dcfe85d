package dev.junction.gateway.session;

import dev.junction.gateway.stream.CameraFeed;
import dev.junction.media.peer.PeerConnectionFactory;
import dev.junction.media.peer.ServerPeerConnection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live viewer session, with the limits that keep one client from exhausting the gateway:
 * sessions in total and per user, and session creations per user per minute. A session leaves
 * when its peer connection closes, and {@link #expireUnanswered} closes sessions whose answer did
 * not come in time (the XProtect sample abandons sessions without a word). Thread-safe.
 */
public final class ViewerSessions {

  private static final Logger log = LoggerFactory.getLogger(ViewerSessions.class);
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  /**
   * @param maxSessions sessions in total
   * @param maxSessionsPerUser sessions one user may hold at once
   * @param creationsPerMinutePerUser sessions one user may create per minute
   * @param answerTimeout how long a session waits for its answer
   */
  public record Limits(int maxSessions, int maxSessionsPerUser, int creationsPerMinutePerUser, Duration answerTimeout) {
    public Limits {
      if (maxSessions < 1 || maxSessionsPerUser < 1 || creationsPerMinutePerUser < 1) {
        throw new IllegalArgumentException("session limits must be >= 1");
      }
      if (answerTimeout.isNegative() || answerTimeout.isZero()) {
        throw new IllegalArgumentException("answerTimeout must be > 0");
      }
    }
  }

  /** Why a session could not be created. */
  public static final class LimitExceeded extends Exception {
    LimitExceeded(String message) {
      super(message);
    }
  }

  private final PeerConnectionFactory peers;
  private final Limits limits;
  private final LongSupplier nanoClock;
  private final Map<String, ViewerSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> recentCreations = new HashMap<>(); // guarded by this
  private final Map<ServerPeerConnection.CloseReason, LongAdder> closedByReason = new ConcurrentHashMap<>();
  private final LongAdder unanswered = new LongAdder();

  public ViewerSessions(PeerConnectionFactory peers, Limits limits, LongSupplier nanoClock) {
    this.peers = peers;
    this.limits = limits;
    this.nanoClock = nanoClock;
  }

  /**
   * Creates a session of {@code user} watching {@code feed}, with its offer ready.
   *
   * @param request the fields of the creating request, echoed back in the session resource
   * @throws LimitExceeded when a limit would be passed (the caller answers 429)
   */
  public ViewerSession create(String user, CameraFeed feed, Map<String, Object> request) throws LimitExceeded {
    long now = nanoClock.getAsLong();
    synchronized (this) {
      if (sessions.size() >= limits.maxSessions()) {
        throw new LimitExceeded("the gateway is at its limit of " + limits.maxSessions() + " sessions");
      }
      long held = sessions.values().stream().filter(s -> s.owner().equals(user)).count();
      if (held >= limits.maxSessionsPerUser()) {
        throw new LimitExceeded("user " + user + " already has " + held + " sessions, the most one user may hold");
      }
      Deque<Long> recent = recentCreations.computeIfAbsent(user, u -> new ArrayDeque<>());
      while (!recent.isEmpty() && now - recent.peekFirst() >= MINUTE_NANOS) {
        recent.removeFirst();
      }
      if (recent.size() >= limits.creationsPerMinutePerUser()) {
        throw new LimitExceeded("user " + user + " created " + recent.size()
            + " sessions in the last minute, the most allowed; try again shortly");
      }
      recent.addLast(now);
      ViewerSession session = new ViewerSession(user, feed, request, now, this);
      session.start(peers.create(feed.profileLevelId(), session));
      sessions.put(session.id(), session);
      return session;
    }
  }

  /** The session with {@code id}, if it is still live. */
  public Optional<ViewerSession> find(String id) {
    return Optional.ofNullable(sessions.get(id.toLowerCase(java.util.Locale.ROOT)));
  }

  public int count() {
    return sessions.size();
  }

  /** Sessions closed so far, by why. */
  public long closed(ServerPeerConnection.CloseReason reason) {
    LongAdder n = closedByReason.get(reason);
    return n == null ? 0 : n.sum();
  }

  /** Sessions closed because no answer came in time. */
  public long unanswered() {
    return unanswered.sum();
  }

  /** Closes the sessions still waiting for an answer after the timeout; call about once a second. */
  public void expireUnanswered() {
    long now = nanoClock.getAsLong();
    long timeout = limits.answerTimeout().toNanos();
    for (ViewerSession session : List.copyOf(sessions.values())) {
      if (session.state() == ViewerSession.State.AWAITING_ANSWER && now - session.createdNanos() >= timeout) {
        log.info("{}: no answer within {} s, closed", session, limits.answerTimeout().toSeconds());
        unanswered.increment();
        session.close();
      }
    }
  }

  /** Closes every session: the gateway is stopping. */
  public void closeAll() {
    List.copyOf(sessions.values()).forEach(ViewerSession::close);
  }

  void remove(ViewerSession session, ServerPeerConnection.CloseReason reason) {
    if (sessions.remove(session.id(), session)) {
      closedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
      log.debug("{}: ended ({})", session, reason);
    }
  }
}
