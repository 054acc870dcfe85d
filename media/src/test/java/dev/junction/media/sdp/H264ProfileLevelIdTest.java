package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.sdp.H264ProfileLevelId.Profile;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libwebrtc's profile table, with the profile-level-ids browsers and cameras use. */
class H264ProfileLevelIdTest {

  @ParameterizedTest
  @CsvSource({
      "42e01f, CONSTRAINED_BASELINE, 31", // what every browser offers first
      "42c01f, CONSTRAINED_BASELINE, 31", // ffmpeg ultrafast (go2rtc's table)
      "4de01f, CONSTRAINED_BASELINE, 31",
      "58c01f, CONSTRAINED_BASELINE, 31",
      "42001f, BASELINE, 31",
      "42101f, BASELINE, 31",
      "58801f, BASELINE, 31",
      "4d001f, MAIN, 31",
      "4d4028, MAIN, 40",
      "640032, HIGH, 50",
      "640c1f, CONSTRAINED_HIGH, 31",
      "f4001f, PREDICTIVE_HIGH_444, 31",
      "42E01F, CONSTRAINED_BASELINE, 31",
  })
  void profiles(String text, Profile profile, int level) {
    assertThat(H264ProfileLevelId.parse(text)).hasValueSatisfying(p -> {
      assertThat(p.profile()).isEqualTo(profile);
      assertThat(p.levelIdc()).isEqualTo(level);
    });
  }

  @ParameterizedTest
  @CsvSource({"7a001f", "64101f", "4d201f", "42e01", "42e01f0", "zz001f", "''"})
  void unknownOrMalformedIsEmpty(String text) {
    assertThat(H264ProfileLevelId.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"42e01f, 42e028, true", "42e01f, 42001f, false", "42e01f, 4de01f, true", "640c1f, 640032, false"})
  void sameProfileIgnoresLevel(String a, String b, boolean same) {
    assertThat(H264ProfileLevelId.parse(a).orElseThrow().sameProfile(H264ProfileLevelId.parse(b).orElseThrow()))
        .isEqualTo(same);
  }

  @org.junit.jupiter.api.Test
  void absentMeansLibwebrtcsDefault() {
    assertThat(H264ProfileLevelId.of(Optional.empty())).contains(H264ProfileLevelId.DEFAULT);
    assertThat(H264ProfileLevelId.of(Optional.of(new Fmtp(96, "packetization-mode=1"))))
        .contains(H264ProfileLevelId.DEFAULT);
  }
}
