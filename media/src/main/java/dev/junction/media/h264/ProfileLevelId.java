package dev.junction.media.h264;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The SDP {@code profile-level-id} of RFC 6184 §8.1: three bytes in hex, profile_idc,
 * profile-iop (the SPS's constraint flags) and level_idc. "42e01f" is Constrained Baseline 3.1.
 *
 * @param profileIdc 0–255
 * @param profileIop 0–255, constraint_set0_flag in the top bit
 * @param levelIdc 0–255, ten times the level; 11 with constraint_set3 is level 1b for B, CB and M
 */
public record ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {

  /** What an fmtp without profile-level-id means (RFC 6184 §8.1): Baseline, no constraints, level 1. */
  public static final ProfileLevelId DEFAULT = new ProfileLevelId(0x42, 0x00, 0x0A);

  private static final int CONSTRAINT_SET3 = 0x10;

  public ProfileLevelId {
    check("profile_idc", profileIdc);
    check("profile-iop", profileIop);
    check("level_idc", levelIdc);
  }

  private static void check(String field, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(field + " is one byte, got " + value);
    }
  }

  /** Parses six hex digits, e.g. {@code 42e01f} (case-insensitive). */
  public static ProfileLevelId parse(String hex) throws H264ParseException {
    if (hex.length() != 6 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new H264ParseException("profile-level-id is six hex digits (RFC 6184 §8.1), got \"" + hex + "\"");
    }
    int value = Integer.parseInt(hex, 16);
    return new ProfileLevelId(value >>> 16, value >>> 8 & 0xff, value & 0xff);
  }

  /** Six lower-case hex digits. */
  public String hex() {
    return HexFormat.of().toHexDigits((byte) profileIdc) + HexFormat.of().toHexDigits((byte) profileIop)
        + HexFormat.of().toHexDigits((byte) levelIdc);
  }

  /** The profile per RFC 6184 Table 5, if it has one. */
  public Optional<H264Profile> profile() {
    return Optional.ofNullable(H264Profile.of(profileIdc, profileIop));
  }

  /** True for level 1b, which B, CB and M write as level_idc 11 with constraint_set3_flag. */
  public boolean isLevel1b() {
    H264Profile profile = H264Profile.of(profileIdc, profileIop);
    boolean lowProfile = profile == H264Profile.CONSTRAINED_BASELINE || profile == H264Profile.BASELINE
        || profile == H264Profile.MAIN;
    return lowProfile && levelIdc == 11 && (profileIop & CONSTRAINT_SET3) != 0;
  }

  /**
   * The same profile and level written as libwebrtc writes it: x264's Constrained Baseline 42c01f
   * becomes 42e01f, Main 4d401f becomes 4d001f. Browsers match profiles rather than bytes, but
   * the canonical form avoids depending on that (Safari has been strict, anchors §0.5). A
   * profile outside Table 5 is returned as it is.
   */
  public ProfileLevelId canonical() {
    H264Profile profile = H264Profile.of(profileIdc, profileIop);
    if (profile == null) {
      return this;
    }
    int iop = profile.profileIop() | (isLevel1b() ? CONSTRAINT_SET3 : 0);
    return new ProfileLevelId(profile.profileIdc(), iop, levelIdc);
  }

  @Override
  public String toString() {
    return hex();
  }
}
