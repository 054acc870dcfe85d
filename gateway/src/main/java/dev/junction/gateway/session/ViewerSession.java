package dev.junction.gateway.session;

import dev.junction.gateway.stream.CameraFeed;
import dev.junction.gateway.stream.StreamViewer;
import dev.junction.media.peer.ServerPeerConnection;
import dev.junction.media.peer.StreamPacket;
import dev.junction.media.sdp.Candidate;
import dev.junction.media.sdp.SdpException;
import dev.junction.media.sdp.VideoAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One viewer watching one camera: the XProtect "session". It owns the server's peer connection;
 * once DTLS is up it attaches to the camera's feed, and whatever ends the connection (the browser
 * leaving, consent lost, DTLS failing, DELETE, the answer timeout) detaches it and removes it from
 * {@link ViewerSessions}.
 *
 * <p>Thread-safe: HTTP threads apply the answer and add candidates while the peer connection's
 * loop reports connection events.
 */
public final class ViewerSession implements ServerPeerConnection.Listener, StreamViewer {

  /** Candidates kept per session; a browser gathers a handful, more is a misbehaving client. */
  static final int MAX_REMOTE_CANDIDATES = 64;

  /** Where the session is, as far as signaling can tell. */
  public enum State { AWAITING_ANSWER, CONNECTING, CONNECTED, CLOSED }

  private final String id = UUID.randomUUID().toString();
  private final String owner;
  private final CameraFeed feed;
  private final long createdNanos;
  private final ViewerSessions registry;
  private final Map<String, Object> request;
  private ServerPeerConnection peer; // set once, right after construction
  private List<String> localCandidates; // likewise
  private final List<String> remoteCandidates = new ArrayList<>(); // guarded by this
  private volatile State state = State.AWAITING_ANSWER;
  private volatile String answer;

  ViewerSession(String owner, CameraFeed feed, Map<String, Object> request, long createdNanos,
      ViewerSessions registry) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.feed = feed;
    this.request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
    this.createdNanos = createdNanos;
    this.registry = registry;
  }

  void start(ServerPeerConnection connection) {
    this.peer = connection;
    this.localCandidates = connection.offer().toSdp().media().get(0).attributes().candidates().stream()
        .map(Candidate::toString)
        .toList();
  }

  public String id() {
    return id;
  }

  /** The user who created it; only they may use it. */
  public String owner() {
    return owner;
  }

  public CameraFeed feed() {
    return feed;
  }

  public State state() {
    return state;
  }

  /** The fields of the creating request, to echo back in the session resource. */
  public Map<String, Object> request() {
    return request;
  }

  /** The answer as the client sent it, once applied. */
  public Optional<String> answer() {
    return Optional.ofNullable(answer);
  }

  long createdNanos() {
    return createdNanos;
  }

  /** The server's offer. */
  public String offerSdp() {
    return peer.offerSdp();
  }

  /** Our ICE ufrag, which candidates name as their usernameFragment. */
  public String iceUfrag() {
    return peer.iceUfrag();
  }

  /**
   * The server's candidates as {@code RTCIceCandidate.candidate} strings: the host candidates of
   * the offer, all known up front (ICE-lite never trickles).
   */
  public List<String> localCandidates() {
    return localCandidates; // read up to 50 times a second per polling client: made once
  }

  /**
   * Applies the browser's answer; its candidates join the remote ones.
   *
   * @param answerSdp the SDP
   * @param asSent the answer as the client sent it (XProtect: a JSON string), echoed back later
   * @throws SdpException if it is not SDP or does not answer the offer
   * @throws IllegalStateException if the session already has an answer or is closed
   */
  public synchronized void applyAnswer(String answerSdp, String asSent) throws SdpException {
    if (state != State.AWAITING_ANSWER) {
      throw new IllegalStateException(state == State.CLOSED ? "the session is closed"
          : "the session already has an answer; create a new session to renegotiate");
    }
    VideoAnswer read = peer.applyAnswer(answerSdp);
    answer = asSent;
    state = State.CONNECTING;
    for (Candidate candidate : read.candidates()) {
      addRemoteCandidate(candidate.toString());
    }
  }

  /**
   * Records a candidate of the browser. An ICE-lite server never sends checks, so it needs none of
   * them to connect (the browser's checks teach it every address, RFC 8445 §7.3.1.3); they are kept
   * for diagnostics, in order, up to {@link #MAX_REMOTE_CANDIDATES}.
   *
   * @return false when the session already holds the maximum
   */
  public synchronized boolean addRemoteCandidate(String candidate) {
    if (remoteCandidates.size() >= MAX_REMOTE_CANDIDATES) {
      return false;
    }
    remoteCandidates.add(candidate);
    return true;
  }

  public synchronized List<String> remoteCandidates() {
    return List.copyOf(remoteCandidates);
  }

  /**
   * Ends the session: it leaves the registry at once (a DELETE's 204 means it is gone), and the
   * peer connection closes on its loop, reporting back through {@link #closed}.
   */
  public void close() {
    registry.remove(this, ServerPeerConnection.CloseReason.CLOSED_BY_SERVER);
    peer.close();
  }

  // ---- the peer connection's events, on its loop ----

  @Override
  public void connected(ServerPeerConnection connection) {
    state = State.CONNECTED;
    feed.attach(this);
  }

  @Override
  public void keyframeRequested(ServerPeerConnection connection) {
    feed.requestKeyframe(this);
  }

  @Override
  public void closed(ServerPeerConnection connection, ServerPeerConnection.CloseReason reason) {
    state = State.CLOSED;
    feed.detach(this);
    registry.remove(this, reason);
  }

  // ---- the feed's packets, on the feed's loop ----

  @Override
  public void send(List<StreamPacket> packets, boolean replay) {
    peer.send(packets, replay);
  }

  @Override
  public String toString() {
    return "session[" + id + " " + owner + " " + feed.camera().name() + " " + state + "]";
  }
}
