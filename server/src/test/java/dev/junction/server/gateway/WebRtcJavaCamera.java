package dev.junction.server.gateway;

import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A camera made of libwebrtc, standing in for the gateway where there is none: it offers
 * sendonly H.264 video, as the gateway does, and sends generated I420 pictures through a
 * {@link CustomVideoSource} at a steady frame rate, which libwebrtc encodes with OpenH264.
 *
 * <p>Use: {@link #offer()}, trade candidates, {@link #acceptAnswer(String)}, then frames flow for
 * as long as the camera is open. Always close it (try-with-resources). Thread-safe.
 */
final class WebRtcJavaCamera implements AutoCloseable {

  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int FRAMES_PER_SECOND = 30;

  private final WebRtcJavaPeer peer = new WebRtcJavaPeer(List.of(), transceiver -> {});
  private final CustomVideoSource source = new CustomVideoSource();
  private final TestPicture picture = new TestPicture();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "webrtc-java-camera");
    thread.setDaemon(true);
    return thread;
  });

  WebRtcJavaCamera() {
    try {
      peer.addSendOnlyVideo(source, h264Only());
    } catch (RuntimeException e) {
      peer.close();
      source.dispose();
      throw e;
    }
    clock.scheduleAtFixedRate(this::sendFrame, 0, 1_000_000 / FRAMES_PER_SECOND, TimeUnit.MICROSECONDS);
  }

  /** Creates the sendonly H.264 offer and sets it as the local description; returns its SDP. */
  String offer() {
    return peer.offer();
  }

  /** Sets the viewer's answer as the remote description. */
  void acceptAnswer(String answerSdp) {
    peer.setRemote(RTCSdpType.ANSWER, answerSdp);
  }

  /** The candidates gathered so far, as {@code RTCIceCandidateInit} JSON. */
  List<String> localCandidates() {
    return peer.localCandidates();
  }

  List<String> awaitLocalCandidates(Duration timeout) {
    return peer.awaitLocalCandidates(timeout);
  }

  /** Adds one of the viewer's candidates, as {@code RTCIceCandidateInit} JSON. */
  void addRemoteCandidate(String candidateInitJson) {
    peer.addRemoteCandidate(candidateInitJson);
  }

  /**
   * Stops the frame clock first, so nothing is pushed into a disposed source, then closes the
   * peer, then frees the source, which nothing uses any more.
   */
  @Override
  public void close() {
    clock.shutdown();
    try {
      if (!clock.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the camera's frame clock did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the camera's frame clock", e);
    }
    peer.close();
    source.dispose();
  }

  /** H.264 in every packetization mode and profile libwebrtc can send, and nothing else. */
  private List<RTCRtpCodecCapability> h264Only() {
    List<RTCRtpCodecCapability> h264 = peer.senderCodecs(MediaType.VIDEO).stream()
        .filter(codec -> codec.getName().equalsIgnoreCase("H264"))
        .toList();
    if (h264.isEmpty()) {
      throw new IllegalStateException("this libwebrtc build has no H.264 encoder");
    }
    return h264;
  }

  /** On the clock's thread. */
  private void sendFrame() {
    NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
    picture.paintNext(buffer);
    VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
    try {
      source.pushFrame(frame);
    } finally {
      frame.release();
    }
  }

  /** A diagonal gradient that moves a little each frame, so the encoder has a changing picture to code. */
  private static final class TestPicture {
    private static final int MAX_SHIFT = 256;
    private final byte[] luma = new byte[WIDTH + HEIGHT + MAX_SHIFT];
    private final byte[] chroma = new byte[WIDTH / 2];
    private int shift;

    TestPicture() {
      for (int i = 0; i < luma.length; i++) {
        luma[i] = (byte) i;
      }
      Arrays.fill(chroma, (byte) 128);
    }

    void paintNext(NativeI420Buffer buffer) {
      shift = (shift + 2) % MAX_SHIFT;
      ByteBuffer y = buffer.getDataY();
      ByteBuffer u = buffer.getDataU();
      ByteBuffer v = buffer.getDataV();
      for (int row = 0; row < HEIGHT; row++) {
        y.put(row * buffer.getStrideY(), luma, row + shift, WIDTH);
      }
      for (int row = 0; row < HEIGHT / 2; row++) {
        u.put(row * buffer.getStrideU(), chroma, 0, WIDTH / 2);
        v.put(row * buffer.getStrideV(), chroma, 0, WIDTH / 2);
      }
    }
  }
}
