package dev.junction.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Access-unit boundaries: AUD, parameter sets and SEI after a slice, first_mb_in_slice = 0. */
class AccessUnitSplitterTest {

  // Slice payloads: a first byte with the top bit set is first_mb_in_slice = 0 (ue "1");
  // 0x40 ("010") is first_mb_in_slice = 1, a later slice of the same picture.
  private static final NalUnit AUD = NalUnit.fromHex("0910");
  private static final NalUnit SPS = NalUnit.fromHex("6742c01f");
  private static final NalUnit PPS = NalUnit.fromHex("68ce3c80");
  private static final NalUnit SEI = NalUnit.fromHex("0605ff");
  private static final NalUnit IDR_FIRST = NalUnit.fromHex("6588");
  private static final NalUnit IDR_SECOND = NalUnit.fromHex("6540");
  private static final NalUnit P_FIRST = NalUnit.fromHex("419a");
  private static final NalUnit P_SECOND = NalUnit.fromHex("4140");
  private static final NalUnit END_OF_SEQUENCE = NalUnit.fromHex("0a");

  @Test
  void aSliceWithFirstMbZeroStartsAPicture() {
    assertThat(AccessUnitSplitter.split(List.of(SPS, PPS, IDR_FIRST, IDR_SECOND, P_FIRST, P_SECOND, P_FIRST)))
        .containsExactly(
            new AccessUnit(List.of(SPS, PPS, IDR_FIRST, IDR_SECOND)),
            new AccessUnit(List.of(P_FIRST, P_SECOND)),
            new AccessUnit(List.of(P_FIRST)));
  }

  @Test
  void parameterSetsAndSeiAfterASliceStartTheNextAccessUnit() {
    assertThat(AccessUnitSplitter.split(List.of(P_FIRST, SEI, P_FIRST, SPS, PPS, IDR_FIRST)))
        .containsExactly(
            AccessUnit.of(P_FIRST),
            AccessUnit.of(SEI, P_FIRST),
            AccessUnit.of(SPS, PPS, IDR_FIRST));
  }

  @Test
  void anAccessUnitDelimiterAlwaysStartsOne() {
    assertThat(AccessUnitSplitter.split(List.of(AUD, SPS, PPS, SEI, IDR_FIRST, AUD, P_FIRST, P_SECOND, AUD)))
        .containsExactly(
            AccessUnit.of(AUD, SPS, PPS, SEI, IDR_FIRST),
            AccessUnit.of(AUD, P_FIRST, P_SECOND),
            AccessUnit.of(AUD));
  }

  @Test
  void endOfSequenceEndsItsAccessUnit() {
    AccessUnitSplitter splitter = new AccessUnitSplitter();

    assertThat(splitter.push(P_FIRST)).isEmpty();
    assertThat(splitter.push(END_OF_SEQUENCE)).contains(AccessUnit.of(P_FIRST, END_OF_SEQUENCE));
    assertThat(splitter.push(IDR_SECOND)).as("a slice after it begins the next, whatever its first_mb").isEmpty();
    assertThat(splitter.flush()).contains(AccessUnit.of(IDR_SECOND));
    assertThat(splitter.flush()).isEmpty();
  }

  @Test
  void baselineClipHasOnePicturePerFrame() throws H264ParseException {
    List<AccessUnit> units = Clips.accessUnits(Clips.BASELINE);

    assertThat(units).hasSize(100);
    assertThat(units.get(0).nalUnits()).extracting(NalUnit::type)
        .containsExactly(NalUnitType.SPS, NalUnitType.PPS, NalUnitType.SEI, NalUnitType.SLICE_IDR);
    assertThat(units.get(50).nalUnits()).extracting(NalUnit::type)
        .containsExactly(NalUnitType.SPS, NalUnitType.PPS, NalUnitType.SLICE_IDR);
    for (int i = 0; i < units.size(); i++) {
      assertThat(units.get(i).isKeyframe()).as("picture %d is a keyframe", i).isEqualTo(i % 50 == 0);
      for (NalUnit nal : units.get(i).nalUnits()) {
        if (nal.type().isVcl()) {
          assertThat(SliceHeader.parse(nal).sliceType()).isNotEqualTo(SliceType.B);
        }
      }
    }
  }

  @Test
  void highClipHasAnAudAndTwoSlicesPerPictureAndBFrames() throws H264ParseException {
    List<AccessUnit> units = Clips.accessUnits(Clips.HIGH);
    int bPictures = 0;

    assertThat(units).hasSize(50);
    for (int i = 0; i < units.size(); i++) {
      AccessUnit unit = units.get(i);
      assertThat(unit.nalUnits().get(0).type()).isEqualTo(NalUnitType.ACCESS_UNIT_DELIMITER);
      List<NalUnit> slices = unit.nalUnits().stream().filter(nal -> nal.type().isVcl()).toList();
      assertThat(slices).as("picture %d", i).hasSize(2);
      assertThat(SliceHeader.parse(slices.get(0)).firstMbInSlice()).isZero();
      assertThat(SliceHeader.parse(slices.get(1)).firstMbInSlice()).isPositive();
      assertThat(unit.isKeyframe()).as("picture %d is a keyframe", i).isEqualTo(i % 25 == 0);
      if (SliceHeader.parse(slices.get(0)).sliceType() == SliceType.B) {
        bPictures++;
      }
    }
    assertThat(bPictures).as("x264 with bframes=2").isGreaterThan(10);
  }
}
