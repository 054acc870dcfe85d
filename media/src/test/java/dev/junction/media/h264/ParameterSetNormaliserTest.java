package dev.junction.media.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPS and PPS before every IDR, inserted where a decoder expects them. */
class ParameterSetNormaliserTest {

  private static final NalUnit AUD = NalUnit.fromHex("0910");
  private static final NalUnit SPS = NalUnit.fromHex("6742c01f");
  private static final NalUnit NEW_SPS = NalUnit.fromHex("6742c028");
  private static final NalUnit PPS = NalUnit.fromHex("68ce3c80");
  private static final NalUnit SEI = NalUnit.fromHex("0605ff");
  private static final NalUnit IDR = NalUnit.fromHex("6588");
  private static final NalUnit P = NalUnit.fromHex("419a");

  @Test
  void insertsTheLatestParameterSetsBeforeABareIdr() {
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    AccessUnit first = AccessUnit.of(SPS, PPS, IDR);

    assertThat(normaliser.normalise(first)).isSameAs(first);
    assertThat(normaliser.normalise(AccessUnit.of(P))).isEqualTo(AccessUnit.of(P));
    assertThat(normaliser.normalise(AccessUnit.of(SEI, IDR))).isEqualTo(AccessUnit.of(SPS, PPS, SEI, IDR));
  }

  @Test
  void keepsTheAccessUnitDelimiterFirst() {
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    normaliser.seed(SPS, PPS);

    assertThat(normaliser.normalise(AccessUnit.of(AUD, IDR))).isEqualTo(AccessUnit.of(AUD, SPS, PPS, IDR));
  }

  @Test
  void insertsOnlyWhatIsMissingAndThePpsAfterTheSps() {
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    normaliser.seed(SPS, PPS);

    assertThat(normaliser.normalise(AccessUnit.of(AUD, NEW_SPS, SEI, IDR)))
        .isEqualTo(AccessUnit.of(AUD, NEW_SPS, PPS, SEI, IDR));
    // The SPS seen last is the one remembered.
    assertThat(normaliser.normalise(AccessUnit.of(PPS, IDR))).isEqualTo(AccessUnit.of(NEW_SPS, PPS, IDR));
    assertThat(normaliser.sps()).contains(NEW_SPS);
  }

  @Test
  void passesAnIdrUnchangedWhileItKnowsNoParameterSets() {
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();

    assertThat(normaliser.normalise(AccessUnit.of(IDR))).isEqualTo(AccessUnit.of(IDR));
    assertThat(normaliser.normalise(AccessUnit.of(SPS, IDR))).isEqualTo(AccessUnit.of(SPS, IDR));
    assertThat(normaliser.keyframesWithoutParameterSets()).isEqualTo(2);
    assertThat(normaliser.pps()).isEmpty();
  }

  @Test
  void seedTakesAnSpsAndAPps() {
    assertThatThrownBy(() -> new ParameterSetNormaliser().seed(PPS, SPS)).hasMessageContaining("seed with an SPS");
  }

  @Test
  void restoresEveryKeyframeOfAClipStrippedOfItsParameterSets() {
    List<AccessUnit> original = Clips.accessUnits(Clips.HIGH);
    List<AccessUnit> stripped = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      List<NalUnit> nals = original.get(i).nalUnits();
      // As a camera that sends SPS/PPS only once: keep them in the first access unit.
      stripped.add(i == 0 ? original.get(i) : new AccessUnit(nals.stream()
          .filter(nal -> nal.type() != NalUnitType.SPS && nal.type() != NalUnitType.PPS).toList()));
    }
    assertThat(stripped.get(25)).isNotEqualTo(original.get(25));

    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    List<AccessUnit> normalised = stripped.stream().map(normaliser::normalise).toList();

    assertThat(normalised).isEqualTo(original); // x264 puts AUD, SPS, PPS first, just as the normaliser does
  }
}
