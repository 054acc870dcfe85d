package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** H.264 Annex B: start codes of 3 and 4 bytes, trailing zeros, emulation prevention kept. */
class AnnexBTest {

  @Test
  void splitsOnThreeAndFourByteStartCodes() throws H264ParseException {
    // The 4-byte start code before 06 is 00 00 01 after the zero_byte that ends "658880 00".
    Bytes stream = Bytes.fromHex("00000001 6742 000001 68ce 00000001 658880 00000001 0601ff");

    assertThat(AnnexB.split(stream)).containsExactly(
        NalUnit.fromHex("6742"), NalUnit.fromHex("68ce"), NalUnit.fromHex("658880"), NalUnit.fromHex("0601ff"));
  }

  @Test
  void trailingZerosBelongToNoNalUnitButEmulationPreventionStays() throws H264ParseException {
    // 65 88 00 00 03 01 keeps its 03 (RTP carries NAL units with emulation prevention); the
    // zero bytes after it are trailing_zero_8bits and the zero_byte of the next start code.
    Bytes stream = Bytes.fromHex("0000 00000001 658800000301 0000 0000 00000001 41 00");

    assertThat(AnnexB.split(stream)).containsExactly(NalUnit.fromHex("658800000301"), NalUnit.fromHex("41"));
  }

  @Test
  void emptyStreamsAndEmptyUnits() throws H264ParseException {
    assertThat(AnnexB.split(Bytes.EMPTY)).isEmpty();
    assertThat(AnnexB.split(Bytes.fromHex("000000"))).isEmpty();
    assertThat(AnnexB.split(Bytes.fromHex("000001 000001 09f0"))).containsExactly(NalUnit.fromHex("09f0"));
    assertThat(AnnexB.split(Bytes.fromHex("000001"))).isEmpty();
  }

  @Test
  void aStreamMustBeginWithAStartCode() {
    assertThatThrownBy(() -> AnnexB.split(Bytes.fromHex("6742 000001 68")))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("begins with a start code 00 00 01");
    assertThatThrownBy(() -> AnnexB.split(Bytes.fromHex("0000 02 67")))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("byte 2 is 0x2 after 2 zero bytes");
  }

  @Test
  void joinWritesFourByteStartCodes() throws H264ParseException {
    List<NalUnit> units = List.of(NalUnit.fromHex("6742"), NalUnit.fromHex("68ce"));

    assertThat(AnnexB.join(units)).isEqualTo(Bytes.fromHex("00000001 6742 00000001 68ce"));
    assertThat(AnnexB.split(AnnexB.join(units))).isEqualTo(units);
  }

  @Test
  void theClipHasBothStartCodeLengthsAndSplitsLosslessly() throws H264ParseException {
    Bytes clip = Clips.bytes(Clips.BASELINE);
    List<NalUnit> units = AnnexB.split(clip);

    assertThat(units).hasSize(105); // 100 slices, 2 × (SPS + PPS), 1 SEI
    assertThat(units.get(0).type()).isEqualTo(NalUnitType.SPS);
    // Every byte of the clip is a start code or belongs to a NAL unit: x264 wrote 3 of the 105
    // start codes in the short form, and no trailing zeros.
    int startCodeBytes = clip.size() - units.stream().mapToInt(NalUnit::size).sum();
    assertThat(startCodeBytes).isEqualTo(4 * 105 - 3);
    assertThat(AnnexB.split(AnnexB.join(units))).isEqualTo(units);
  }
}
