package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The NAL unit header (RFC 6184 §5.3), the type table, and access units. */
class NalUnitTest {

  @Test
  void headerFields() {
    NalUnit idr = NalUnit.fromHex("6588");
    assertThat(idr.type()).isEqualTo(NalUnitType.SLICE_IDR);
    assertThat(idr.nalRefIdc()).isEqualTo(3);
    assertThat(idr.forbiddenBit()).isFalse();
    assertThat(idr.payload()).isEqualTo(Bytes.fromHex("88"));
    assertThat(idr.toString()).isEqualTo("SLICE_IDR(2 bytes)");

    NalUnit flagged = NalUnit.fromHex("e1");
    assertThat(flagged.forbiddenBit()).as("kept: a relay passes F on").isTrue();
    assertThat(flagged.nalRefIdc()).isEqualTo(3);
    assertThat(flagged.type()).isEqualTo(NalUnitType.SLICE_NON_IDR);
    assertThat(NalUnit.of((byte) 0x06).payload().isEmpty()).isTrue();
    assertThatThrownBy(() -> new NalUnit(Bytes.EMPTY)).hasMessageContaining("at least its header byte");
  }

  @Test
  void typeTableIsIndexedByValue() {
    assertThat(Arrays.stream(NalUnitType.values()).mapToInt(NalUnitType::value).toArray())
        .containsExactly(IntStream.range(0, 32).toArray());
    assertThat(NalUnitType.of(24)).isEqualTo(NalUnitType.STAP_A);
    assertThat(NalUnitType.of(28)).isEqualTo(NalUnitType.FU_A);
    assertThat(NalUnitType.of(9)).isEqualTo(NalUnitType.ACCESS_UNIT_DELIMITER);
    assertThat(NalUnitType.SLICE_IDR.isVcl()).isTrue();
    assertThat(NalUnitType.SEI.isVcl()).isFalse();
    assertThat(NalUnitType.SEI.isStreamType()).isTrue();
    assertThat(NalUnitType.STAP_A.isStreamType()).isFalse();
    assertThat(NalUnitType.UNSPECIFIED_0.isStreamType()).isFalse();
    assertThatThrownBy(() -> NalUnitType.of(32)).hasMessageContaining("5 bits");
  }

  @Test
  void accessUnitHelpers() {
    NalUnit sps = NalUnit.fromHex("6742c01f");
    AccessUnit unit = AccessUnit.of(sps, NalUnit.fromHex("68ce"), NalUnit.fromHex("6588"));

    assertThat(unit.isKeyframe()).isTrue();
    assertThat(unit.first(NalUnitType.SPS)).contains(sps);
    assertThat(unit.first(NalUnitType.SEI)).isEmpty();
    assertThat(unit.size()).isEqualTo(8);
    assertThat(AccessUnit.of(NalUnit.fromHex("4188")).isKeyframe()).isFalse();
    assertThatThrownBy(() -> AccessUnit.of()).hasMessageContaining("at least one NAL unit");
  }

  @Test
  void sliceHeaders() throws H264ParseException {
    // first_mb_in_slice 0 ("1"), slice_type 7 = I, all slices ("0001000"), pps 0 ("1"): 1000 1000 1...
    SliceHeader idr = SliceHeader.parse(NalUnit.fromHex("65 88 80"));
    assertThat(idr).isEqualTo(new SliceHeader(0, SliceType.I, 0));
    // first_mb 1 ("010"), slice_type 1 = B ("010"), pps 1 ("010"): 0100 1001 0...
    assertThat(SliceHeader.parse(NalUnit.fromHex("01 49 00"))).isEqualTo(new SliceHeader(1, SliceType.B, 1));
    // IDR with slice_type 0 (P): "1" "1" "1" = 111...
    assertThatThrownBy(() -> SliceHeader.parse(NalUnit.fromHex("65 e0")))
        .hasMessageContaining("an IDR picture holds only I or SI slices");
    assertThatThrownBy(() -> SliceHeader.parse(NalUnit.fromHex("6742"))).hasMessageContaining("has no slice header");
  }
}
