package dev.junction.gateway.stream;

import dev.junction.media.peer.StreamPacket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.rtp.RtpHeaderRewriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo camera as a stream: the bundled clip played in real time and looped, packetized once
 * for all viewers, and a new viewer starting on the last keyframe thanks to the GOP cache.
 */
class CameraStreamTest {

  private static Clip demo;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = CameraStreamTest.class.getResourceAsStream("/demo/demo-camera.h264")) {
      demo = Clip.parse(in.readAllBytes());
    }
  }

  @Test
  void theBundledDemoClipIs640x360ConstrainedBaselineStartingOnAKeyframe() {
    assertThat(demo.accessUnits()).hasSize(250);
    assertThat(demo.accessUnits().get(0).isKeyframe()).isTrue();
    assertThat(demo.sps().width()).isEqualTo(640);
    assertThat(demo.sps().height()).isEqualTo(360);
    assertThat(demo.accessUnits().stream().filter(unit -> unit.isKeyframe()).count()).isEqualTo(5);
  }

  @Test
  void thePlayerPublishesFramesInRealTimeAndLoopsWithoutATimestampJump() {
    CameraStream stream = new CameraStream(true);
    List<Long> timestamps = new ArrayList<>();
    stream.attach((packets, replay) -> timestamps.add(packets.get(0).timestamp()));
    ClipPlayer player = new ClipPlayer(demo, 25, stream, 1_000);
    assertThat(player.tick(1_000)).isEqualTo(1);
    assertThat(player.tick(1_039)).isZero();
    assertThat(player.tick(1_040)).isEqualTo(1);
    assertThat(player.tick(2_000)).isEqualTo(24);
    player.tick(1_000 + 12_000);
    assertThat(player.published()).isEqualTo(301);
    for (int i = 1; i < timestamps.size(); i++) {
      assertThat(timestamps.get(i) - timestamps.get(i - 1)).isEqualTo(3600);
    }
  }

  @Test
  void aNewViewerStartsOnTheLastKeyframeAtOnce() {
    CameraStream stream = new CameraStream(true);
    ClipPlayer player = new ClipPlayer(demo, 25, stream, 0);
    player.tick(1_400); // 36 frames: the keyframe at frame 0, then 35 more (the next is at 50)
    List<List<StreamPacket>> received = new ArrayList<>();
    List<Boolean> replayed = new ArrayList<>();
    stream.attach((packets, replay) -> {
      received.add(packets);
      replayed.add(replay);
    });
    assertThat(received).hasSize(1);
    assertThat(replayed).containsExactly(true);
    List<StreamPacket> group = received.get(0);
    assertThat(group.get(0).timestamp()).isZero();
    assertThat(group.get(group.size() - 1).timestamp()).isEqualTo(35 * 3600);
    // The cached group starts with the SPS and PPS (STAP-A, NAL type 24) before the IDR.
    assertThat(group.get(0).rtp().get(12) & 0x1f).isEqualTo(24);
  }

  @Test
  void withoutTheCacheANewViewerWaitsForTheNextFrame() {
    CameraStream stream = new CameraStream(false);
    ClipPlayer player = new ClipPlayer(demo, 25, stream, 0);
    player.tick(1_400);
    List<List<StreamPacket>> received = new ArrayList<>();
    stream.attach((packets, replay) -> received.add(packets));
    assertThat(received).isEmpty();
    player.tick(1_440);
    assertThat(received.get(0).get(0).timestamp()).isEqualTo(36 * 3600);
  }

  @Test
  void everyViewerGetsThePacketsEncodedOnceAndRewritesOnlyItsOwnCopy() {
    CameraStream stream = new CameraStream(true);
    List<List<StreamPacket>> first = new ArrayList<>();
    List<List<StreamPacket>> second = new ArrayList<>();
    stream.attach((packets, replay) -> first.add(packets));
    stream.attach((packets, replay) -> second.add(packets));
    new ClipPlayer(demo, 25, stream, 0).tick(0);
    assertThat(first.get(0)).isSameAs(second.get(0));
    byte[] copy = first.get(0).get(0).rtp().toByteArray();
    RtpHeaderRewriter.rewrite(copy, 0, copy.length, 0x1234L, 77, 90_000L);
    assertThat(RtpHeaderRewriter.ssrc(copy, 0, copy.length)).isEqualTo(0x1234L);
    assertThat(RtpHeaderRewriter.ssrc(second.get(0).get(0).rtp().toByteArray(), 0, copy.length)).isZero();
    assertThat(stream.viewerCount()).isEqualTo(2);
  }

  @Test
  void aKeyframeRequestIsAnsweredWithTheCachedGroupReplayedToThatViewerOnly() {
    CameraStream stream = new CameraStream(true);
    ClipPlayer player = new ClipPlayer(demo, 25, stream, 0);
    List<Boolean> asking = new ArrayList<>();
    List<Boolean> other = new ArrayList<>();
    StreamViewer askingViewer = (packets, replay) -> asking.add(replay);
    stream.attach(askingViewer);
    stream.attach((packets, replay) -> other.add(replay));
    player.tick(400); // 11 live frames each
    stream.requestKeyframe(askingViewer);
    assertThat(asking).hasSize(12).endsWith(true);
    assertThat(other).hasSize(11).containsOnly(false);
  }

  @Test
  void withoutTheCacheAKeyframeRequestWaitsForTheNextKeyframe() {
    CameraStream stream = new CameraStream(false);
    List<Boolean> received = new ArrayList<>();
    StreamViewer viewer = (packets, replay) -> received.add(replay);
    stream.attach(viewer);
    new ClipPlayer(demo, 25, stream, 0).tick(400);
    stream.requestKeyframe(viewer);
    assertThat(received).hasSize(11).containsOnly(false);
  }
}
