package dev.junction.media.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** profile-level-id (RFC 6184 §8.1, Table 5) and the fmtp line WebRTC uses. */
class ProfileLevelIdTest {

  @Test
  void parsesAndPrintsSixHexDigits() throws H264ParseException {
    ProfileLevelId id = ProfileLevelId.parse("42E01F");

    assertThat(id).isEqualTo(new ProfileLevelId(0x42, 0xE0, 0x1F));
    assertThat(id.hex()).isEqualTo("42e01f");
    assertThat(id.toString()).isEqualTo("42e01f");
  }

  @Test
  void table5ProfilesIncludingTheAliases() throws H264ParseException {
    assertProfile("42e01f", H264Profile.CONSTRAINED_BASELINE);
    assertProfile("42c01f", H264Profile.CONSTRAINED_BASELINE);
    assertProfile("4de01f", H264Profile.CONSTRAINED_BASELINE);
    assertProfile("58c01f", H264Profile.CONSTRAINED_BASELINE);
    assertProfile("42001f", H264Profile.BASELINE);
    assertProfile("42801f", H264Profile.BASELINE);
    assertProfile("58801f", H264Profile.BASELINE);
    assertProfile("4d001f", H264Profile.MAIN);
    assertProfile("4d401f", H264Profile.MAIN);
    assertProfile("58001f", H264Profile.EXTENDED);
    assertProfile("640032", H264Profile.HIGH);
    assertProfile("640c1f", H264Profile.CONSTRAINED_HIGH);
    assertProfile("6e001f", H264Profile.HIGH_10);
    assertProfile("f4001f", H264Profile.HIGH_444);
    assertProfile("f4101f", H264Profile.HIGH_444_INTRA);
    assertProfile("2c101f", H264Profile.CAVLC_444_INTRA);
    assertThat(ProfileLevelId.parse("640400").profile()).as("High with a stray flag").isEmpty();
    assertThat(ProfileLevelId.parse("53001f").profile()).as("Scalable Baseline is not in the table").isEmpty();
  }

  @Test
  void canonicalFormIsWhatBrowsersWrite() throws H264ParseException {
    assertThat(ProfileLevelId.parse("42c01f").canonical().hex()).isEqualTo("42e01f");
    assertThat(ProfileLevelId.parse("58c028").canonical().hex()).isEqualTo("42e028");
    assertThat(ProfileLevelId.parse("42801f").canonical().hex()).isEqualTo("42001f");
    assertThat(ProfileLevelId.parse("4d4029").canonical().hex()).isEqualTo("4d0029");
    assertThat(ProfileLevelId.parse("640032").canonical().hex()).isEqualTo("640032");
    assertThat(ProfileLevelId.parse("53001f").canonical().hex()).as("outside Table 5: as it is").isEqualTo("53001f");
  }

  @Test
  void level1bKeepsConstraintSet3() throws H264ParseException {
    assertThat(ProfileLevelId.parse("42f00b").isLevel1b()).isTrue();
    assertThat(ProfileLevelId.parse("42d00b").canonical().hex()).isEqualTo("42f00b");
    assertThat(ProfileLevelId.parse("42100b").canonical().hex()).isEqualTo("42100b");
    assertThat(ProfileLevelId.parse("42e00b").isLevel1b()).as("level 1.1").isFalse();
    assertThat(ProfileLevelId.parse("42e00b").canonical().hex()).isEqualTo("42e00b");
  }

  @Test
  void refusesWhatIsNotSixHexDigits() {
    assertThatThrownBy(() -> ProfileLevelId.parse("42e01")).hasMessageContaining("six hex digits");
    assertThatThrownBy(() -> ProfileLevelId.parse("42e01g")).isInstanceOf(H264ParseException.class);
    assertThatThrownBy(() -> ProfileLevelId.parse("+42e01")).isInstanceOf(H264ParseException.class);
  }

  @Test
  void fmtpForTheBaselineClip() throws H264ParseException {
    Sps sps = Sps.parse(Clips.accessUnits(Clips.BASELINE).get(0).first(NalUnitType.SPS).orElseThrow());

    assertThat(H264Fmtp.forStream(sps).value())
        .isEqualTo("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    assertThat(H264Fmtp.of(sps.profileLevelId()).value())
        .isEqualTo("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42c01f");
  }

  @Test
  void parsesABrowsersFmtp() throws H264ParseException {
    // Chrome's offer, in its order.
    H264Fmtp chrome = H264Fmtp.parse("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    assertThat(chrome).isEqualTo(H264Fmtp.of(new ProfileLevelId(0x42, 0xE0, 0x1F)));
    assertThat(H264Fmtp.parse(chrome.value())).isEqualTo(chrome);

    H264Fmtp sparse = H264Fmtp.parse(" profile-level-id=640032 ; sprop-parameter-sets=Z0LAH9kAoC/5,aMuDyyA=;");
    assertThat(sparse).isEqualTo(new H264Fmtp(false, 0, ProfileLevelId.parse("640032")));
    assertThat(H264Fmtp.parse("")).isEqualTo(new H264Fmtp(false, 0, ProfileLevelId.DEFAULT));
    assertThat(ProfileLevelId.DEFAULT.hex()).isEqualTo("42000a");
  }

  @Test
  void refusesMalformedFmtp() {
    assertThatThrownBy(() -> H264Fmtp.parse("packetization-mode=3")).hasMessageContaining("0, 1 or 2");
    assertThatThrownBy(() -> H264Fmtp.parse("level-asymmetry-allowed=yes")).hasMessageContaining("0 or 1");
    assertThatThrownBy(() -> H264Fmtp.parse("profile-level-id")).hasMessageContaining("is not name=value");
    assertThatThrownBy(() -> H264Fmtp.parse("profile-level-id=42e0")).isInstanceOf(H264ParseException.class);
  }

  private static void assertProfile(String hex, H264Profile profile) throws H264ParseException {
    assertThat(ProfileLevelId.parse(hex).profile()).as(hex).contains(profile);
  }
}
