package dev.junction.media.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SPS fields that make profile-level-id and the picture size, from the clips and from x264 vectors. */
class SpsTest {

  @Test
  void baselineClip() throws H264ParseException {
    Sps sps = Sps.parse(Clips.accessUnits(Clips.BASELINE).get(0).first(NalUnitType.SPS).orElseThrow());

    assertThat(sps.profileIdc()).isEqualTo(66);
    assertThat(sps.constraintFlags()).as("constraint_set0 and set1: Constrained Baseline").isEqualTo(0xC0);
    assertThat(sps.levelIdc()).isEqualTo(31);
    assertThat(sps.profileLevelId().hex()).isEqualTo("42c01f");
    assertThat(sps.profileLevelId().profile()).contains(H264Profile.CONSTRAINED_BASELINE);
    assertThat(sps.profileLevelId().canonical().hex()).isEqualTo("42e01f");
    // 360 is not a multiple of 16: 23 macroblock rows = 368, cropped by 4 × CropUnitY 2 = 8.
    assertThat(sps.codedWidth()).isEqualTo(640);
    assertThat(sps.codedHeight()).isEqualTo(368);
    assertThat(sps.width()).isEqualTo(640);
    assertThat(sps.height()).isEqualTo(360);
    assertThat(sps.frameMbsOnly()).isTrue();
    assertThat(sps.chromaFormatIdc()).isEqualTo(1);
  }

  @Test
  void highClip() throws H264ParseException {
    Sps sps = Sps.parse(Clips.accessUnits(Clips.HIGH).get(0).first(NalUnitType.SPS).orElseThrow());

    assertThat(sps.profileLevelId().hex()).isEqualTo("64001f");
    assertThat(sps.profileLevelId().profile()).contains(H264Profile.HIGH);
    assertThat(sps.width()).isEqualTo(320);
    assertThat(sps.height()).isEqualTo(180);
    assertThat(sps.codedHeight()).isEqualTo(192);
    assertThat(sps.bitDepthLuma()).isEqualTo(8);
  }

  @Test
  void x264High1080pWithEmulationPrevention() throws H264ParseException {
    // ffmpeg -f lavfi -i testsrc2=size=1920x1080 -c:v libx264 -profile:v high: "... 00 00 03 00 ..."
    Sps sps = Sps.parse(NalUnit.fromHex("67640028acd940780227e5c044000003000400000300c83c60c658"));

    assertThat(sps.profileLevelId().hex()).isEqualTo("640028");
    assertThat(sps.codedWidth()).isEqualTo(1920);
    assertThat(sps.codedHeight()).isEqualTo(1088);
    assertThat(sps.width()).isEqualTo(1920);
    assertThat(sps.height()).isEqualTo(1080);
  }

  @Test
  void x264InterlacedMainCodesFieldPairs() throws H264ParseException {
    // ffmpeg ... -s 720x576 -profile:v main -flags +ildct+ilme -x264-params tff=1: frame_mbs_only_flag 0
    Sps sps = Sps.parse(NalUnit.fromHex("674d401eeca05a126c0440000003004000000c87c50a6580"));

    assertThat(sps.profileLevelId().hex()).isEqualTo("4d401e");
    assertThat(sps.profileLevelId().profile()).contains(H264Profile.MAIN);
    assertThat(sps.profileLevelId().canonical().hex()).isEqualTo("4d001e");
    assertThat(sps.frameMbsOnly()).isFalse();
    assertThat(sps.width()).isEqualTo(720);
    assertThat(sps.height()).as("18 map units of field pairs × 2 × 16").isEqualTo(576);
  }

  @Test
  void refusesWhatIsNotAnSps() {
    assertThatThrownBy(() -> Sps.parse(NalUnit.fromHex("68ce3c80")))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("not an SPS: NAL unit type 8");
    assertThatThrownBy(() -> Sps.parse(NalUnit.fromHex("6742c01f")))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("the RBSP ends inside seq_parameter_set_id");
  }

  @Test
  void refusesCroppingThatLeavesNothing() {
    // Baseline, id 0, log2_max_frame_num 0, poc type 2, 1 ref, 1x1 macroblocks, frame_mbs_only,
    // direct_8x8, cropping left 8 (× 2 = 16 pixels: all of them), right/top/bottom 0, no VUI.
    // 1 | 1 | 011 | 010 | 0 | 1 | 1 | 1 | 1 | 1 | 0001001 | 1 | 1 | 1 | 0 = 11011010 01111100 01001111 0
    assertThatThrownBy(() -> Sps.parse(NalUnit.fromHex("6742c01f" + "da7c4f00")))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("leaves no picture of the coded 16x16");
  }
}
