package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exp-Golomb codes (H.264 §9.1) and emulation-prevention removal (§7.4.1). */
class BitReaderTest {

  @Test
  void unsignedExpGolombTable9_2() throws H264ParseException {
    // 1 | 010 | 011 | 00100 | 00101 | 00110 | 00111 | 0001000 → 0, 1, 2, 3, 4, 5, 6, 7
    // bits: 1010 0110 0100 0010 1001 1000 1110 0010 00(00 0000)
    BitReader in = reader("a6 42 98 e2 00");
    for (int expected = 0; expected <= 7; expected++) {
      assertThat(in.ue("codeNum")).isEqualTo(expected);
    }
    assertThat(in.position()).isEqualTo(1 + 3 * 2 + 5 * 4 + 7);
  }

  @Test
  void signedExpGolombTable9_3() throws H264ParseException {
    // codeNum 0..4 → 0, 1, -1, 2, -2
    BitReader in = reader("a6 42 80");
    assertThat(in.se("v")).isEqualTo(0);
    assertThat(in.se("v")).isEqualTo(1);
    assertThat(in.se("v")).isEqualTo(-1);
    assertThat(in.se("v")).isEqualTo(2);
    assertThat(in.se("v")).isEqualTo(-2);
  }

  @Test
  void fixedWidthFields() throws H264ParseException {
    BitReader in = reader("42 c0 1f");
    assertThat(in.u(8, "profile_idc")).isEqualTo(66);
    assertThat(in.flag("constraint_set0_flag")).isTrue();
    assertThat(in.flag("constraint_set1_flag")).isTrue();
    assertThat(in.u(6, "rest")).isZero();
    assertThat(in.bits(8, "level_idc")).isEqualTo(31);
  }

  @Test
  void emulationPreventionBytesAreDiscarded() throws H264ParseException {
    // 00 00 03 01 → 00 00 01; 00 00 03 03 → 00 00 03 (the second 03 is data)
    BitReader in = reader("00 00 03 01 00 00 03 03");
    assertThat(in.bits(24, "first")).isEqualTo(0x000001);
    assertThat(in.bits(24, "second")).isEqualTo(0x000003);
    assertThatThrownBy(() -> in.bits(1, "beyond")).isInstanceOf(H264ParseException.class);
  }

  @Test
  void runningOutNamesTheElement() {
    assertThatThrownBy(() -> reader("00").ue("pic_width_in_mbs_minus1"))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining("the RBSP ends inside pic_width_in_mbs_minus1");
  }

  @Test
  void refusesCodesTooLongOrValuesOutOfRange() {
    assertThatThrownBy(() -> reader("00 00 00 00 80").ue("x"))
        .hasMessageContaining("more than 31 leading zero bits");
    // 31 zeros, a one, then 31 ones: 2^32 - 2
    assertThatThrownBy(() -> reader("00 00 00 01 ff ff ff fe").ue("x"))
        .hasMessageContaining("x = 4294967294 is out of range");
    assertThatThrownBy(() -> reader("00 80 00").ue("seq_parameter_set_id", 31))
        .hasMessageContaining("seq_parameter_set_id = 255, the standard allows 0 to 31");
  }

  private static BitReader reader(String hex) {
    return BitReader.ofPayload(Bytes.fromHex(hex), 1000);
  }
}
