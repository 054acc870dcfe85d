package dev.junction.server.gateway;

import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A camera viewer on libwebrtc (webrtc-java): the independent real client of the gateway tests. It
 * plays the part of the XProtect sample's browser page (specs/xprotect-webrtc-api.md §2) while the
 * test drives the REST calls:
 *
 * <pre>{@code
 * try (WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
 *   String answerSdp = viewer.answer(offerSdp);                  // from POST /Session's offerSDP
 *   // PATCH /Session/{id} {"answerSDP": "{\"type\":\"answer\",\"sdp\":...}"}
 *   viewer.localCandidates().forEach(...);                       // POST /IceCandidates/{id}, one each
 *   serverCandidates.forEach(viewer::addRemoteCandidate);        // from GET /IceCandidates/{id}
 *   DecodedVideo video = viewer.awaitFrames(30, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>It receives only: the server offers sendonly video and the answer comes out recvonly. Every
 * frame libwebrtc decodes reaches a sink on the remote track, which counts it and notes its size;
 * {@link #inboundVideo()} adds what libwebrtc's getStats says about the stream.
 *
 * <p>Always close it (try-with-resources); see {@link WebRtcJavaPeer} for the native threads it
 * owns. Thread-safe.
 */
final class WebRtcJavaViewer implements AutoCloseable {

  private final FrameCounter frames = new FrameCounter();
  /** The remote tracks the sink is attached to; guarded by itself, as is {@link #closing}. */
  private final List<VideoTrack> videoTracks = new ArrayList<>();
  private boolean closing;
  private final WebRtcJavaPeer peer;

  /** A viewer with host candidates only. */
  WebRtcJavaViewer() {
    this(List.of());
  }

  /** A viewer that also gathers through these STUN/TURN servers. */
  WebRtcJavaViewer(List<RTCIceServer> iceServers) {
    peer = new WebRtcJavaPeer(iceServers, this::onTrack);
  }

  /**
   * Sets the server's offer as the remote description, then creates the answer and sets it as the
   * local one. Returns the answer's SDP, which the test wraps as {@code {"type":"answer","sdp":...}}.
   * Fails with libwebrtc's reason when it refuses the offer.
   */
  String answer(String offerSdp) {
    return peer.answer(offerSdp);
  }

  /** The candidates gathered so far, each as the JSON a browser's {@code JSON.stringify(candidate)} gives. */
  List<String> localCandidates() {
    return peer.localCandidates();
  }

  /** Waits until gathering is complete, then returns all local candidates (call after {@link #answer}). */
  List<String> awaitLocalCandidates(Duration timeout) {
    return peer.awaitLocalCandidates(timeout);
  }

  /** Adds one server candidate, an {@code RTCIceCandidateInit} JSON string; call after {@link #answer}. */
  void addRemoteCandidate(String candidateInitJson) {
    peer.addRemoteCandidate(candidateInitJson);
  }

  RTCIceConnectionState iceConnectionState() {
    return peer.iceConnectionState();
  }

  RTCPeerConnectionState connectionState() {
    return peer.connectionState();
  }

  /** The frames decoded so far. */
  DecodedVideo decodedVideo() {
    return frames.snapshot();
  }

  /**
   * Waits until at least {@code count} frames are decoded or {@code timeout} passes, and returns
   * what was decoded by then; the caller asserts on it, so a failure shows how far it got.
   */
  DecodedVideo awaitFrames(int count, Duration timeout) {
    return frames.await(count, timeout);
  }

  /** libwebrtc's statistics of the received video stream; empty until its first packet arrives. */
  Optional<InboundVideoStats> inboundVideo() {
    return InboundVideoStats.from(peer.stats());
  }

  /**
   * Detaches the sink (each attached sink holds a native object), then closes the connection and
   * frees the native parts. The frame counts stay readable.
   */
  @Override
  public void close() {
    synchronized (videoTracks) {
      closing = true;
      videoTracks.forEach(track -> track.removeSink(frames));
      videoTracks.clear();
    }
    peer.close();
  }

  /** On the signaling thread: a video track from the offer gets the counting sink. */
  private void onTrack(RTCRtpTransceiver transceiver) {
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    if (!MediaStreamTrack.VIDEO_TRACK_KIND.equals(track.getKind())) {
      return;
    }
    synchronized (videoTracks) {
      if (!closing) {
        VideoTrack video = (VideoTrack) track;
        video.addSink(frames);
        videoTracks.add(video);
      }
    }
  }

  /**
   * Frames decoded so far.
   *
   * @param frames how many frames the sink received
   * @param width the width of the latest frame, 0 before the first
   * @param height the height of the latest frame, 0 before the first
   */
  record DecodedVideo(int frames, int width, int height) {}

  /** Counts decoded frames; runs on libwebrtc's decoder thread, read from the test's. */
  private static final class FrameCounter implements VideoTrackSink {
    private DecodedVideo seen = new DecodedVideo(0, 0, 0);

    @Override
    public void onVideoFrame(VideoFrame frame) {
      try {
        synchronized (this) {
          seen = new DecodedVideo(seen.frames() + 1, frame.buffer.getWidth(), frame.buffer.getHeight());
          notifyAll();
        }
      } finally {
        // The binding hands each sink its own copy of the picture; not releasing it leaks it.
        frame.release();
      }
    }

    synchronized DecodedVideo snapshot() {
      return seen;
    }

    synchronized DecodedVideo await(int count, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        for (long left = timeout.toNanos(); seen.frames() < count && left > 0; left = deadline - System.nanoTime()) {
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return seen;
    }
  }
}
