package dev.junction.media.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A viewer's timeline: its own gapless sequence numbers, live frames at the stream's spacing, and
 * frames replayed from the GOP cache packed 1 ms apart so they show at once, after which live
 * frames follow one frame later. Timestamps never go back.
 */
class ViewerTimelineTest {

  @Test
  void sequenceNumbersCountEveryPacketAndWrapAt16Bits() {
    ViewerTimeline timeline = new ViewerTimeline(65_534, 0);
    assertThat(timeline.nextSequence()).isEqualTo(65_534);
    assertThat(timeline.nextSequence()).isEqualTo(65_535);
    assertThat(timeline.nextSequence()).isZero();
  }

  @Test
  void liveFramesKeepTheStreamsSpacingFromTheViewersFirstTimestamp() {
    ViewerTimeline timeline = new ViewerTimeline(0, 1_000);
    assertThat(timeline.live(90_000)).isEqualTo(1_000);
    assertThat(timeline.live(90_000)).as("a frame's packets share it").isEqualTo(1_000);
    assertThat(timeline.live(93_600)).isEqualTo(4_600);
  }

  @Test
  void aReplayedGroupIsPackedOneMillisecondApartAndLiveFollowsOneFrameLater() {
    ViewerTimeline timeline = new ViewerTimeline(0, 1_000);
    // the cache: frames at 0, 3600 and 7200 on the stream, two packets for the first
    assertThat(timeline.burst(0)).isEqualTo(1_000);
    assertThat(timeline.burst(0)).isEqualTo(1_000);
    assertThat(timeline.burst(3_600)).isEqualTo(1_000 + ViewerTimeline.BURST_STEP);
    assertThat(timeline.burst(7_200)).isEqualTo(1_000 + 2 * ViewerTimeline.BURST_STEP);
    long lastReplayed = timeline.lastTimestamp();
    assertThat(timeline.live(10_800)).isEqualTo(lastReplayed + ViewerTimeline.GAP_AFTER_BURST);
    assertThat(timeline.live(14_400)).isEqualTo(lastReplayed + ViewerTimeline.GAP_AFTER_BURST + 3_600);
  }

  @Test
  void aReplayForAKeyframeRequestMidStreamNeverGoesBack() {
    ViewerTimeline timeline = new ViewerTimeline(0, 0);
    timeline.live(100_000);
    long live = timeline.live(103_600);
    long replayed = timeline.burst(50_000); // the cached group is older than what was sent
    assertThat(replayed).isGreaterThan(live);
    assertThat(timeline.live(107_200)).isGreaterThan(replayed);
  }
}
