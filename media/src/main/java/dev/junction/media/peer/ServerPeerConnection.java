package dev.junction.media.peer;

import dev.junction.media.dtls.DtlsHandshake;
import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.dtls.QueuedDatagramTransport;
import dev.junction.media.ice.IceSession;
import dev.junction.media.ice.IceSessionListener;
import dev.junction.media.ice.PacketKind;
import dev.junction.media.port.MediaPort;
import dev.junction.media.port.PortSender;
import dev.junction.media.rtp.FullIntraRequest;
import dev.junction.media.rtp.GenericNack;
import dev.junction.media.rtp.PictureLossIndication;
import dev.junction.media.rtp.ReceiverReport;
import dev.junction.media.rtp.ReportBlock;
import dev.junction.media.rtp.RtcpCompound;
import dev.junction.media.rtp.RtcpPacket;
import dev.junction.media.rtp.RtpParseException;
import dev.junction.media.rtp.SenderReport;
import dev.junction.media.sdp.AnswerMismatchException;
import dev.junction.media.sdp.AnswerReader;
import dev.junction.media.sdp.Fingerprint;
import dev.junction.media.sdp.SdpException;
import dev.junction.media.sdp.SessionDescription;
import dev.junction.media.sdp.VideoAnswer;
import dev.junction.media.sdp.VideoOffer;
import dev.junction.media.srtp.DtlsRole;
import dev.junction.media.srtp.InboundSrtpContext;
import dev.junction.media.srtp.SrtpContexts;
import dev.junction.media.srtp.SrtpException;
import dev.junction.stun.Bytes;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of one send-only H.264 peer connection: the gateway offers, the browser
 * answers, ICE-lite checks arrive on the shared {@link MediaPort}, the browser starts DTLS (we are
 * the server), and from the exported keys on, the stream's packets go out under SRTP.
 *
 * <pre>
 *  NEW ──first DTLS record + answer──▶ CONNECTING ──handshake done──▶ CONNECTED
 *   └───────────── consent lost · DTLS failed · peer's alert · close() ─────────────▶ CLOSED
 * </pre>
 *
 * <p><b>Threading:</b> all state is confined to one event loop of the media port. Packets the
 * port reads on another loop, the ICE callbacks, the handshake's result and calls from HTTP
 * threads ({@link #applyAnswer}, {@link #send}, {@link #close}) are all handed to that loop. The
 * blocking DTLS handshake runs on the port's handshake workers.
 */
public final class ServerPeerConnection {

  private static final Logger log = LoggerFactory.getLogger(ServerPeerConnection.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int DTLS_HANDSHAKE = 22;
  private static final int DTLS_ALERT = 21;
  /** A PLI is repeated about every round trip until a keyframe arrives; one answer per second is plenty. */
  private static final long KEYFRAME_REQUEST_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /**
   * About 150 Mbit/s of 1200-byte packets: a two-second GOP of a 2 Mbit/s camera leaves in under
   * 30 ms, yet a receiver that keeps reading never finds its socket buffer (Linux: 208 KiB) full.
   */
  static final int PACED_PACKETS_PER_MILLI = 16;
  /** Packets that waited longer than this for the loop are stale: dropped, and the viewer resynced. */
  static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** About 10 s of a 2 Mbit/s camera waiting to be paced out: more means the viewer cannot keep up. */
  static final int MAX_BACKLOG_PACKETS = 2_000;

  public enum State { NEW, CONNECTING, CONNECTED, CLOSED }

  /** Why a peer connection closed. */
  public enum CloseReason {
    /** {@link #close()} was called. */
    CLOSED_BY_SERVER,
    /** No ICE check for the consent timeout (RFC 7675): the browser left or lost the network. */
    CONSENT_EXPIRED,
    /** The DTLS handshake failed: wrong certificate, no SRTP profile in common, timeout. */
    DTLS_FAILED,
    /** The browser sent a DTLS alert (close_notify on {@code pc.close()}, or a fatal one). */
    PEER_CLOSED
  }

  /** What the owner hears; called on the connection's loop, must not block. */
  public interface Listener {
    /** SRTP keys are ready: media sent from now on reaches the browser. */
    default void connected(ServerPeerConnection peer) {}

    /** The browser asked for a keyframe (PLI or FIR), at most once a second. */
    default void keyframeRequested(ServerPeerConnection peer) {}

    /** The connection is closed; called once. */
    default void closed(ServerPeerConnection peer, CloseReason reason) {}
  }

  private final MediaPort port;
  private final EventLoop loop;
  private final PortSender sender;
  private final DtlsIdentity identity;
  private final Listener listener;
  private final IceSession ice;
  private final VideoOffer offer;
  private final SessionDescription offerSdp;
  private final QueuedDatagramTransport dtls;
  private final PeerStats stats = new PeerStats();

  // confined to the loop
  private volatile State state = State.NEW; // read by other threads for a glance
  private VideoAnswer answer;
  private String expectedFingerprint;
  private InetSocketAddress remote;
  private DTLSTransport established;
  private InboundSrtpContext inbound;
  private VideoSender video;
  private ScheduledFuture<?> reports;
  private final ArrayDeque<Outbound> outbound = new ArrayDeque<>();
  private boolean pacing;
  private boolean behind;
  private long lastKeyframeRequestNanos = System.nanoTime() - KEYFRAME_REQUEST_INTERVAL_NANOS;

  private ServerPeerConnection(MediaPort port, DtlsIdentity identity, List<InetAddress> addresses,
      String profileLevelId, Listener listener) {
    this.port = port;
    this.loop = port.nextLoop();
    this.sender = port.sender(loop);
    this.identity = identity;
    this.listener = listener;
    this.dtls = new QueuedDatagramTransport(this::sendDtls);
    this.ice = port.open(new IceEvents(), this::receive);
    long ssrc = RANDOM.nextInt() & 0xffffffffL;
    this.offer = VideoOffer.builder()
        .sessionId(RANDOM.nextLong() & Long.MAX_VALUE)
        .iceCredentials(ice.localCredentials().ufrag(), ice.localCredentials().pwd())
        .fingerprint(fingerprint(identity))
        .addresses(addresses)
        .port(port.port())
        .h264(96, profileLevelId)
        .rtx(97, (ssrc + 1) & 0xffffffffL)
        .ssrc(ssrc)
        .cname("junction-" + Long.toHexString(ssrc))
        .build();
    this.offerSdp = offer.toSdp();
  }

  static ServerPeerConnection open(MediaPort port, DtlsIdentity identity, List<InetAddress> addresses,
      String profileLevelId, Listener listener) {
    return new ServerPeerConnection(port, identity, addresses, profileLevelId, listener);
  }

  /** The offer to send the browser. */
  public VideoOffer offer() {
    return offer;
  }

  /** The offer as SDP text. */
  public String offerSdp() {
    return offerSdp.toString();
  }

  /**
   * Takes the browser's answer. It is checked here, on the caller's thread; the connection uses
   * it on its loop (DTLS waits for it: the fingerprint is in it).
   *
   * @throws SdpException if the answer is not SDP or does not fit the offer
   */
  public VideoAnswer applyAnswer(String answerSdp) throws SdpException {
    VideoAnswer read = AnswerReader.read(offerSdp, SessionDescription.parse(answerSdp));
    String fingerprint = sha256(read);
    loop.execute(() -> onAnswer(read, fingerprint));
    return read;
  }

  /**
   * Sends stream packets: live, or replayed from a GOP cache. Dropped unless connected. Any
   * thread. A replay (hundreds of packets at once) is paced at {@link #PACED_PACKETS_PER_MILLI}
   * so it does not overflow the receiver's socket buffer; live packets queue behind it.
   */
  public void send(List<StreamPacket> packets, boolean replay) {
    long handedOver = System.nanoTime();
    if (loop.inEventLoop()) {
      enqueue(packets, replay, handedOver);
    } else {
      loop.execute(() -> enqueue(packets, replay, handedOver));
    }
  }

  /**
   * Queues packets for sending, unless the loop is so far behind that they would arrive stale:
   * a gateway short of CPU must not let a viewer drift seconds behind live while its backlog fills
   * the heap. Late packets are dropped; once packets arrive in time again the viewer asks its
   * owner for the current group of pictures, so its picture is whole again.
   */
  private void enqueue(List<StreamPacket> packets, boolean replay, long handedOver) {
    if (state != State.CONNECTED) {
      return;
    }
    boolean late = System.nanoTime() - handedOver > MAX_LAG_NANOS || outbound.size() > MAX_BACKLOG_PACKETS;
    if (late) {
      stats.lateDropped.add(packets.size() + outbound.size());
      outbound.clear();
      behind = true;
      return;
    }
    if (behind) {
      behind = false;
      askForKeyframe();
    }
    for (StreamPacket packet : packets) {
      outbound.addLast(new Outbound(packet, replay));
    }
    if (!pacing) {
      drain();
    }
  }

  /** Sends queued packets, at most a pacing step of them; schedules the rest a millisecond later. */
  private void drain() {
    pacing = false;
    if (state != State.CONNECTED) {
      outbound.clear();
      return;
    }
    for (int sent = 0; sent < PACED_PACKETS_PER_MILLI && !outbound.isEmpty(); sent++) {
      Outbound next = outbound.removeFirst();
      video.send(next.packet().rtp(), next.packet().timestamp(), next.replay());
    }
    sender.flush();
    if (!outbound.isEmpty()) {
      pacing = true;
      loop.schedule(this::drain, 1, TimeUnit.MILLISECONDS);
    }
  }

  private record Outbound(StreamPacket packet, boolean replay) {}

  /** Closes the connection (a DTLS close_notify tells the browser). Any thread; idempotent. */
  public void close() {
    loop.execute(() -> close(CloseReason.CLOSED_BY_SERVER, null));
  }

  /** The state as last seen; exact only on the loop. */
  public State state() {
    return state;
  }

  /** Counters for this connection. Any thread. */
  public PeerStats stats() {
    return stats;
  }

  /** The event loop the connection lives on (tests hold it busy to make the gateway fall behind). */
  EventLoop loop() {
    return loop;
  }

  /** Our ICE ufrag: what the browser's checks name first. */
  public String iceUfrag() {
    return ice.localCredentials().ufrag();
  }

  // ---- on the loop ----

  private void onAnswer(VideoAnswer read, String fingerprint) {
    if (state == State.CLOSED) {
      return;
    }
    if (answer != null) {
      log.debug("{}: a second answer ignored", this);
      return;
    }
    answer = read;
    expectedFingerprint = fingerprint;
    maybeStartHandshake();
  }

  private void receive(PacketKind kind, byte[] datagram, InetSocketAddress source) {
    if (!loop.inEventLoop()) {
      loop.execute(() -> receive(kind, datagram, source));
      return;
    }
    switch (kind) {
      case DTLS -> onDtls(datagram, source);
      case RTCP -> onRtcp(datagram);
      default -> stats.ignoredRtp.increment(); // a recvonly browser sends no media
    }
  }

  private void onDtls(byte[] record, InetSocketAddress source) {
    if (state == State.CLOSED) {
      return;
    }
    if (remote == null) {
      remote = source; // DTLS may come before the browser nominates: answer where it came from
    }
    if (established == null) {
      if (!dtls.offer(record)) {
        stats.droppedDtls.increment();
      }
      maybeStartHandshake();
    } else if ((record[0] & 0xff) == DTLS_ALERT) {
      close(CloseReason.PEER_CLOSED, null);
    } else if ((record[0] & 0xff) == DTLS_HANDSHAKE && dtls.offer(record)) {
      // the browser did not get our last flight and sent its own again: BouncyCastle resends ours
      // while it reads the record; a wait of 0 would mean "for ever" to it, holding a worker
      DTLSTransport transport = established;
      submit(() -> transport.receive(new byte[transport.getReceiveLimit()], 0, transport.getReceiveLimit(), 1));
    }
  }

  private void maybeStartHandshake() {
    if (state != State.NEW || answer == null || remote == null) {
      return;
    }
    state = State.CONNECTING;
    String fingerprint = expectedFingerprint;
    submit(() -> {
      try {
        DtlsHandshake.Completed completed = DtlsHandshake.accept(identity, fingerprint, dtls);
        loop.execute(() -> onHandshake(completed));
      } catch (IOException e) {
        loop.execute(() -> close(CloseReason.DTLS_FAILED, e.getMessage()));
      }
    });
  }

  private void onHandshake(DtlsHandshake.Completed completed) {
    if (state == State.CLOSED) {
      closeQuietly(completed.transport());
      return;
    }
    established = completed.transport();
    SrtpContexts contexts = completed.keys().contextsFor(DtlsRole.SERVER);
    inbound = contexts.inbound();
    VideoAnswer.H264Format format = answer.preferredH264();
    VideoSender.Tracks tracks = new VideoSender.Tracks(offer.ssrc(), format.payloadType(),
        offer.rtxSsrc().orElse(0), format.rtxPayloadType(), "junction-" + Long.toHexString(offer.ssrc()),
        RANDOM.nextInt());
    video = new VideoSender(tracks, contexts.outbound(), new ViewerTimeline(RANDOM.nextInt(), RANDOM.nextInt() & 0xffffffffL),
        (packet, length) -> {
          sender.write(packet, length, remote);
          stats.sent(length);
        }, System::nanoTime);
    state = State.CONNECTED;
    reports = loop.scheduleAtFixedRate(this::sendReport, 1, 1, TimeUnit.SECONDS);
    log.debug("{}: connected, SRTP {}", this, contexts.outbound().profile());
    listener.connected(this);
  }

  private void onRtcp(byte[] packet) {
    if (state != State.CONNECTED) {
      return;
    }
    RtcpCompound compound;
    try {
      int length = inbound.unprotectRtcp(packet, 0, packet.length);
      compound = RtcpCompound.decode(packet, 0, length);
    } catch (SrtpException | RtpParseException e) {
      stats.badRtcp.increment();
      return;
    }
    for (RtcpPacket rtcp : compound.packets()) {
      if (rtcp instanceof GenericNack nack) {
        stats.nacks.increment();
        for (int sequence : nack.lostSequenceNumbers()) {
          if (video.retransmit(sequence)) {
            stats.retransmitted.increment();
          }
        }
      } else if (rtcp instanceof PictureLossIndication || rtcp instanceof FullIntraRequest) {
        keyframeRequested();
      } else if (rtcp instanceof ReceiverReport rr) {
        record(rr.reports());
      } else if (rtcp instanceof SenderReport sr) {
        record(sr.reports());
      }
    }
    sender.flush();
  }

  private void keyframeRequested() {
    stats.keyframeRequests.increment();
    askForKeyframe();
  }

  /** Tells the owner the viewer needs a keyframe, at most once a second. */
  private void askForKeyframe() {
    long now = System.nanoTime();
    if (now - lastKeyframeRequestNanos >= KEYFRAME_REQUEST_INTERVAL_NANOS) {
      lastKeyframeRequestNanos = now;
      listener.keyframeRequested(this);
    }
  }

  private void record(List<ReportBlock> blocks) {
    for (ReportBlock block : blocks) {
      if (block.ssrc() == offer.ssrc()) {
        stats.report(block);
      }
    }
  }

  private void sendReport() {
    if (state == State.CONNECTED) {
      video.sendReport(Instant.now());
      sender.flush();
    }
  }

  /** Called by the handshake thread and by BouncyCastle's close: writes from the loop. */
  private void sendDtls(byte[] record) {
    if (!loop.inEventLoop()) {
      loop.execute(() -> sendDtls(record));
      return;
    }
    if (remote != null) {
      sender.write(record, record.length, remote);
      sender.flush();
    }
  }

  private void submit(ThrowingTask task) {
    try {
      port.handshakeWorkers().execute(() -> {
        try {
          task.run();
        } catch (IOException e) {
          log.debug("{}: DTLS: {}", this, e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      close(CloseReason.DTLS_FAILED, "too many DTLS handshakes waiting");
    }
  }

  private void close(CloseReason reason, String detail) {
    if (state == State.CLOSED) {
      return;
    }
    State was = state;
    state = State.CLOSED;
    port.close(ice);
    if (reports != null) {
      reports.cancel(false);
    }
    if (established != null) {
      closeQuietly(established); // sends close_notify through sendDtls while remote is still known
    }
    dtls.close();
    if (reason == CloseReason.DTLS_FAILED) {
      log.info("{}: DTLS failed in state {}: {}", this, was, detail);
    } else {
      log.debug("{}: closed ({}) in state {}", this, reason, was);
    }
    listener.closed(this, reason);
  }

  private void closeQuietly(DTLSTransport transport) {
    try {
      transport.close();
    } catch (IOException e) {
      log.debug("{}: DTLS close: {}", this, e.toString()); // the peer is gone either way
    }
  }

  @Override
  public String toString() {
    return "peer[" + ice.localCredentials().ufrag() + (remote == null ? "" : " " + remote) + "]";
  }

  private static Fingerprint fingerprint(DtlsIdentity identity) {
    return Fingerprint.sha256(Bytes.of(HexFormat.ofDelimiter(":").parseHex(identity.fingerprint())));
  }

  /** The answer's SHA-256 fingerprint in {@link DtlsIdentity#fingerprint()} notation. */
  private static String sha256(VideoAnswer answer) throws SdpException {
    return answer.fingerprints().stream()
        .filter(f -> f.hashFunction().equals(Fingerprint.SHA_256))
        .map(f -> f.value().substring(Fingerprint.SHA_256.length() + 1).toUpperCase(Locale.ROOT))
        .findFirst()
        .orElseThrow(() -> new AnswerMismatchException(
            "the answer has no sha-256 fingerprint; browsers always send one (RFC 8122 §5)"));
  }

  @FunctionalInterface
  private interface ThrowingTask {
    void run() throws IOException;
  }

  /** ICE events arrive on the loop that read the check; the connection's state is on its own. */
  private final class IceEvents implements IceSessionListener {
    @Override
    public void selected(IceSession session, InetSocketAddress address) {
      loop.execute(() -> {
        remote = address;
        maybeStartHandshake();
      });
    }

    @Override
    public void consentExpired(IceSession session) {
      loop.execute(() -> close(CloseReason.CONSENT_EXPIRED, null));
    }
  }
}
