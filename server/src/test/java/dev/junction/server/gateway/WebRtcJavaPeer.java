package dev.junction.server.gateway;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One libwebrtc peer connection with a factory of its own, for tests: the plumbing that a
 * camera viewer and a test camera share. It turns libwebrtc's callbacks into blocking calls with
 * time limits, keeps the candidates it gathers as browser-style JSON, and frees the native parts
 * in the order libwebrtc needs.
 *
 * <p><b>Native resources.</b> Each peer owns a {@link PeerConnectionFactory}, which runs three
 * native threads (network, signaling, worker), and a {@link HeadlessAudioDeviceModule}, which plays
 * and records nothing, so no sound system is needed (the shared library still links libpulse0).
 * Always {@link #close()} a peer: its sockets, media streams, codec threads and the factory's
 * threads go with it. One thing does not: webrtc-java 0.14.0 never frees the native peer
 * connection object on close (upstream issue #239, fixed after 0.15.0), so what it references
 * stays in memory, including two idle threads ({@code rtc-low-prio} of the voice engine and
 * {@code AudioDeviceBuffer} of the audio module) per closed peer.
 *
 * <p><b>Threads.</b> libwebrtc calls the observer on its signaling thread, so everything the
 * callbacks touch is thread-safe; the blocking methods must not be called from a callback (they
 * would wait for the thread they block).
 */
final class WebRtcJavaPeer implements AutoCloseable {

  /** How long one signaling step (create or set a description, collect stats) may take. */
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

  private final HeadlessAudioDeviceModule audioModule;
  private final PeerConnectionFactory factory;
  private final RTCPeerConnection connection;
  private final List<VideoTrack> localTracks = new CopyOnWriteArrayList<>();
  private final List<String> localCandidates = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> gatheringComplete = new CompletableFuture<>();
  private boolean closed;

  /**
   * @param iceServers STUN/TURN servers, empty for host candidates only
   * @param onTrack called on the signaling thread for each remote track the other side sends
   */
  WebRtcJavaPeer(List<RTCIceServer> iceServers, Consumer<RTCRtpTransceiver> onTrack) {
    audioModule = new HeadlessAudioDeviceModule();
    factory = new PeerConnectionFactory(audioModule);
    RTCConfiguration configuration = new RTCConfiguration();
    configuration.iceServers.addAll(iceServers);
    try {
      connection = factory.createPeerConnection(configuration, new Observer(onTrack));
    } catch (RuntimeException e) {
      factory.dispose();
      audioModule.dispose();
      throw e;
    }
  }

  /**
   * Adds a video track fed by {@code source}, sending only, offered with these codecs alone. The
   * peer disposes of the track when it closes; the source stays the caller's.
   */
  void addSendOnlyVideo(VideoTrackSource source, List<RTCRtpCodecCapability> codecs) {
    VideoTrack track = factory.createVideoTrack("video", source);
    localTracks.add(track);
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
    init.streamIds = List.of("stream");
    connection.addTransceiver(track, init).setCodecPreferences(codecs);
  }

  /** The codecs of {@code kind} libwebrtc can send. */
  List<RTCRtpCodecCapability> senderCodecs(MediaType kind) {
    return factory.getRtpSenderCapabilities(kind).getCodecs();
  }

  /** Creates an offer and sets it as the local description; returns its SDP. */
  String offer() {
    RTCSessionDescription offer = await("createOffer", describe(observer -> connection.createOffer(new RTCOfferOptions(), observer)));
    await("setLocalDescription(offer)", set(observer -> connection.setLocalDescription(offer, observer)));
    return offer.sdp;
  }

  /** Sets the remote offer, then creates an answer and sets it as the local description; returns its SDP. */
  String answer(String offerSdp) {
    setRemote(RTCSdpType.OFFER, offerSdp);
    RTCSessionDescription answer = await("createAnswer", describe(observer -> connection.createAnswer(new RTCAnswerOptions(), observer)));
    await("setLocalDescription(answer)", set(observer -> connection.setLocalDescription(answer, observer)));
    return answer.sdp;
  }

  /** Sets the remote description; fails with libwebrtc's reason when it refuses the SDP. */
  void setRemote(RTCSdpType type, String sdp) {
    RTCSessionDescription description = new RTCSessionDescription(type, sdp);
    await("setRemoteDescription(" + type + ")", set(observer -> connection.setRemoteDescription(description, observer)));
  }

  /**
   * Adds one candidate of the other side, given as {@code RTCIceCandidateInit} JSON; call it after
   * the remote description is set. The end-of-candidates marker (an empty candidate) is accepted
   * and ignored, as libwebrtc needs no such signal.
   */
  void addRemoteCandidate(String candidateInitJson) {
    CandidateInit candidate = CandidateInit.fromJson(candidateInitJson);
    if (!candidate.isEndOfCandidates()) {
      connection.addIceCandidate(candidate.toNative());
    }
  }

  /** The candidates gathered so far, each as the JSON a browser's {@code JSON.stringify(candidate)} gives. */
  List<String> localCandidates() {
    return List.copyOf(localCandidates);
  }

  /** Waits until gathering is complete (needs a local description), then returns all local candidates. */
  List<String> awaitLocalCandidates(Duration timeout) {
    await("ICE gathering", gatheringComplete, timeout);
    return localCandidates();
  }

  RTCIceConnectionState iceConnectionState() {
    return connection.getIceConnectionState();
  }

  RTCPeerConnectionState connectionState() {
    return connection.getConnectionState();
  }

  /** A fresh statistics report (the W3C getStats). */
  RTCStatsReport stats() {
    CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
    connection.getStats(report::complete);
    return await("getStats", report);
  }

  /**
   * Frees everything in the order libwebrtc needs: the senders let go of their tracks (else the
   * leaked connection would keep them) and the connection closes; then the local tracks (a track
   * is destroyed on the factory's threads, so before those stop: disposing of one afterwards
   * crashes the JVM); then the factory, which stops its threads; then the audio module. A video
   * source may be disposed of after this. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (RTCRtpSender sender : connection.getSenders()) {
      connection.removeTrack(sender);
    }
    connection.close();
    localTracks.forEach(VideoTrack::dispose);
    factory.dispose();
    audioModule.dispose();
  }

  private static <T> T await(String step, CompletableFuture<T> result) {
    return await(step, result, STEP_TIMEOUT);
  }

  private static <T> T await(String step, CompletableFuture<T> result, Duration timeout) {
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(step + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(step + " did not finish within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(step + " interrupted", e);
    }
  }

  private static CompletableFuture<RTCSessionDescription> describe(Consumer<CreateSessionDescriptionObserver> call) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    call.accept(new CreateSessionDescriptionObserver() {
      @Override
      public void onSuccess(RTCSessionDescription description) {
        result.complete(description);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new IllegalStateException(error));
      }
    });
    return result;
  }

  private static CompletableFuture<Void> set(Consumer<SetSessionDescriptionObserver> call) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    call.accept(new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        result.complete(null);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new IllegalStateException(error));
      }
    });
    return result;
  }

  /** Runs on libwebrtc's signaling thread. */
  private final class Observer implements PeerConnectionObserver {
    private final Consumer<RTCRtpTransceiver> onTrack;

    Observer(Consumer<RTCRtpTransceiver> onTrack) {
      this.onTrack = onTrack;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      localCandidates.add(CandidateInit.of(candidate).toJson());
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
      if (state == RTCIceGatheringState.COMPLETE) {
        gatheringComplete.complete(null);
      }
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
      onTrack.accept(transceiver);
    }
  }
}
