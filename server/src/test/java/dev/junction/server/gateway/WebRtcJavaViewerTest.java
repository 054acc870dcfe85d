package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.gateway.WebRtcJavaViewer.DecodedVideo;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The independent viewer proven without the gateway: a {@link WebRtcJavaCamera} plays the
 * gateway's part (the offerer, sendonly H.264), and the viewer goes through the same steps the
 * gateway tests drive over REST: answer the offer, trade candidates as browser-style JSON strings
 * in both directions, decode frames.
 *
 * <p>libwebrtc gathers no loopback candidates, so the two peers reach each other through this
 * machine's own interface addresses, which the kernel delivers locally (docs/ARCHITECTURE.md,
 * "Testing with an independent WebRTC peer").
 */
class WebRtcJavaViewerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration MEDIA = Duration.ofSeconds(15);
  private static final int FRAMES = 30;

  @Test
  void viewerAnswersASendOnlyH264OfferAndDecodesFramesAtTheCamerasResolution() throws Exception {
    try (WebRtcJavaCamera camera = new WebRtcJavaCamera();
        WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      String offer = camera.offer();
      assertThat(offer).as("the camera offers what the gateway offers").contains("a=sendonly", "H264/90000")
          .doesNotContain("VP8", "VP9", "AV1");

      String answer = viewer.answer(offer);
      assertThat(answer).contains("a=recvonly", "a=setup:active", "H264/90000");
      camera.acceptAnswer(answer);

      exchangeCandidates(camera, viewer);

      DecodedVideo video = viewer.awaitFrames(FRAMES, MEDIA);
      assertThat(video.frames()).as("frames decoded within %s", MEDIA).isGreaterThanOrEqualTo(FRAMES);
      assertThat(video.width()).isEqualTo(WebRtcJavaCamera.WIDTH);
      assertThat(video.height()).isEqualTo(WebRtcJavaCamera.HEIGHT);
      assertThat(viewer.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);

      InboundVideoStats stats = viewer.inboundVideo().orElseThrow();
      assertThat(stats.codec()).isEqualTo("video/H264");
      assertThat(stats.framesDecoded()).isGreaterThanOrEqualTo(FRAMES);
      assertThat(stats.keyFramesDecoded()).isPositive();
      assertThat(stats.packetsReceived()).isPositive();
      assertThat(stats.frameWidth()).isEqualTo(WebRtcJavaCamera.WIDTH);
      assertThat(stats.frameHeight()).isEqualTo(WebRtcJavaCamera.HEIGHT);
    }
  }

  @Test
  void localCandidatesAreTheJsonABrowserGivesForItsCandidates() throws Exception {
    try (WebRtcJavaCamera camera = new WebRtcJavaCamera();
        WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      String answer = viewer.answer(camera.offer());
      String ufrag = answer.lines().filter(line -> line.startsWith("a=ice-ufrag:")).findFirst().orElseThrow()
          .substring("a=ice-ufrag:".length());

      List<String> candidates = viewer.awaitLocalCandidates(CONNECT);

      assertThat(candidates).isNotEmpty().allSatisfy(text -> {
        JsonNode candidate = JSON.readTree(text);
        assertThat(fieldNames(candidate)).containsExactly("candidate", "sdpMid", "sdpMLineIndex", "usernameFragment");
        assertThat(candidate.get("candidate").asText()).startsWith("candidate:").contains(" typ host");
        assertThat(candidate.get("sdpMid").asText()).isEqualTo("0");
        assertThat(candidate.get("sdpMLineIndex").isInt()).isTrue();
        assertThat(candidate.get("usernameFragment").asText()).isEqualTo(ufrag);
      });
    }
  }

  @Test
  void twoViewersInOneJvmDecodeAtTheSameTime() throws Exception {
    try (WebRtcJavaCamera camera1 = new WebRtcJavaCamera();
        WebRtcJavaCamera camera2 = new WebRtcJavaCamera();
        WebRtcJavaViewer viewer1 = new WebRtcJavaViewer();
        WebRtcJavaViewer viewer2 = new WebRtcJavaViewer()) {
      connect(camera1, viewer1);
      connect(camera2, viewer2);

      await("both viewers decode").atMost(MEDIA).untilAsserted(() -> {
        assertThat(viewer1.decodedVideo().frames()).isGreaterThanOrEqualTo(FRAMES);
        assertThat(viewer2.decodedVideo().frames()).isGreaterThanOrEqualTo(FRAMES);
      });
    }
  }

  @Test
  void closingStopsTheThreadsOfBothPeers() throws Exception {
    Map<String, String> before = nativeThreads();
    try (WebRtcJavaCamera camera = new WebRtcJavaCamera();
        WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      connect(camera, viewer);
      assertThat(viewer.awaitFrames(1, MEDIA).frames()).isPositive();
      assertThat(newThreads(before)).as("threads while decoding")
          .contains("webrtc_jni_netw", "webrtc_jni_sign", "webrtc_jni_work", "DecodingQueue", "EncoderQueue");
    }
    // What may stay is only what webrtc-java 0.14.0 leaks with the native peer connection it never
    // frees (WebRtcJavaPeer): two idle threads per peer, here two peers. Threads end a moment after
    // they are told to, hence the wait.
    await("threads of the closed peers end").atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() ->
        assertThat(newThreads(before)).as("threads left after close").hasSizeLessThanOrEqualTo(4)
            .allMatch(name -> name.equals("rtc-low-prio") || name.equals("AudioDeviceBuff")));
  }

  @Test
  void answerNamesWhyLibwebrtcRefusesAnOffer() {
    try (WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      String noFingerprint = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
          + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\na=rtcp-mux\r\n"
          + "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\na=setup:actpass\r\n"
          + "a=rtpmap:96 H264/90000\r\n";

      assertThatThrownBy(() -> viewer.answer(noFingerprint))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("setRemoteDescription(OFFER) failed")
          .hasMessageContaining("fingerprint");
    }
  }

  @Test
  void addRemoteCandidateRefusesWhatIsNotACandidate() throws Exception {
    try (WebRtcJavaCamera camera = new WebRtcJavaCamera();
        WebRtcJavaViewer viewer = new WebRtcJavaViewer()) {
      viewer.answer(camera.offer());

      assertThatThrownBy(() -> viewer.addRemoteCandidate("candidate:1 1 udp 1 127.0.0.1 9 typ host"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
      viewer.addRemoteCandidate("{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
    }
  }

  /** The whole signaling of one call, as the gateway tests do it over REST. */
  private static void connect(WebRtcJavaCamera camera, WebRtcJavaViewer viewer) {
    camera.acceptAnswer(viewer.answer(camera.offer()));
    exchangeCandidates(camera, viewer);
  }

  /** Each side's candidates to the other, as the JSON strings the XProtect API carries. */
  private static void exchangeCandidates(WebRtcJavaCamera camera, WebRtcJavaViewer viewer) {
    camera.awaitLocalCandidates(CONNECT).forEach(viewer::addRemoteCandidate);
    viewer.awaitLocalCandidates(CONNECT).forEach(camera::addRemoteCandidate);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The names of this process's threads that were not in {@code before}, native ones included. */
  private static List<String> newThreads(Map<String, String> before) throws IOException {
    Map<String, String> now = nativeThreads();
    now.keySet().removeAll(before.keySet());
    return now.values().stream().filter(name -> !isJvmOwn(name)).toList();
  }

  /** The JVM starts compiler and GC threads whenever it likes; they are not the peers'. */
  private static boolean isJvmOwn(String name) {
    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("GC Thread#")
        || name.startsWith("G1 ");
  }

  /** Thread id to name for every thread of this process, from /proc (names cut at 15 characters). */
  private static Map<String, String> nativeThreads() throws IOException {
    Map<String, String> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          threads.put(task.getFileName().toString(), Files.readString(task.resolve("comm")).strip());
        } catch (NoSuchFileException ended) {
          // The thread ended between listing and reading.
        }
      }
    }
    return threads;
  }
}
