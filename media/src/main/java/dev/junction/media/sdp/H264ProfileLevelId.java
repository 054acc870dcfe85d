package dev.junction.media.sdp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} fmtp parameter (RFC 6184 §8.1): three bytes in hex,
 * {@code profile_idc}, {@code profile-iop} (the constraint_set flags) and {@code level_idc}.
 *
 * <p>Profiles are told apart as libwebrtc does ({@code api/video_codecs/h264_profile_level_id.cc},
 * after the table in RFC 6184 §8.1), because that is what decides whether Chromium accepts an
 * offered H.264 format: a {@code profile_idc} and a pattern over {@code profile-iop} ({@code x}
 * matches 0 or 1):
 *
 * <pre>
 *   Constrained Baseline  42 x1xx0000 | 4D 1xxx0000 | 58 11xx0000
 *   Baseline              42 x0xx0000 | 58 10xx0000
 *   Main                  4D 0x0x0000
 *   High                  64 00000000
 *   Constrained High      64 00001100
 *   Predictive High 4:4:4 F4 00000000
 * </pre>
 *
 * Two formats with the same profile are compatible whatever their levels: the level only caps
 * resolution and rate, and the answerer may state its own (RFC 6184 §8.2.2, level-asymmetry-allowed).
 *
 * @param profile the profile the bytes map to
 * @param levelIdc {@code level_idc}: ten times the level, e.g. 31 for 3.1 (11 with constraint_set3
 *     in Baseline/Main means level 1b)
 * @param text the six hex digits as written
 */
public record H264ProfileLevelId(Profile profile, int levelIdc, String text) {

  /** The profiles WebRTC tells apart. */
  public enum Profile {
    CONSTRAINED_BASELINE, BASELINE, MAIN, HIGH, CONSTRAINED_HIGH, PREDICTIVE_HIGH_444
  }

  /**
   * What libwebrtc assumes when {@code profile-level-id} is absent: Constrained Baseline 3.1. RFC
   * 6184 §8.1 says Baseline level 1 ({@code 420010}); libwebrtc keeps 42e01f for compatibility
   * (crbug.com/webrtc/6337), and a browser is what reads our offer.
   */
  public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31, "42e01f");

  private record Pattern(int profileIdc, String iop, Profile profile) {
    boolean matches(int idc, int iopByte) {
      if (idc != profileIdc) {
        return false;
      }
      for (int bit = 0; bit < 8; bit++) {
        char want = iop.charAt(bit);
        int have = iopByte >> (7 - bit) & 1;
        if (want != 'x' && want - '0' != have) {
          return false;
        }
      }
      return true;
    }
  }

  private static final Pattern[] PATTERNS = {
    new Pattern(0x42, "x1xx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x4D, "1xxx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x58, "11xx0000", Profile.CONSTRAINED_BASELINE),
    new Pattern(0x42, "x0xx0000", Profile.BASELINE),
    new Pattern(0x58, "10xx0000", Profile.BASELINE),
    new Pattern(0x4D, "0x0x0000", Profile.MAIN),
    new Pattern(0x64, "00000000", Profile.HIGH),
    new Pattern(0x64, "00001100", Profile.CONSTRAINED_HIGH),
    new Pattern(0xF4, "00000000", Profile.PREDICTIVE_HIGH_444),
  };

  public H264ProfileLevelId {
    Objects.requireNonNull(profile, "profile");
    if (levelIdc < 0 || levelIdc > 255) {
      throw new IllegalArgumentException("level_idc is one byte: " + levelIdc);
    }
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads six hex digits; empty if they are not hex or name no profile in the table above (such a
   * format matches nothing, which is what libwebrtc does with it too).
   */
  public static Optional<H264ProfileLevelId> parse(String text) {
    if (text.length() != 6) {
      return Optional.empty();
    }
    int value = 0;
    for (int i = 0; i < 6; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return Optional.empty();
      }
      value = value << 4 | digit;
    }
    int idc = value >>> 16;
    int iop = value >>> 8 & 0xFF;
    int level = value & 0xFF;
    for (Pattern p : PATTERNS) {
      if (p.matches(idc, iop)) {
        return Optional.of(new H264ProfileLevelId(p.profile(), level, text.toLowerCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  /** The profile-level-id of an H.264 fmtp, {@link #DEFAULT} if it has none; empty if unreadable. */
  public static Optional<H264ProfileLevelId> of(Optional<Fmtp> fmtp) {
    Optional<String> text = fmtp.flatMap(f -> f.parameter("profile-level-id"));
    return text.isPresent() ? parse(text.get()) : Optional.of(DEFAULT);
  }

  /** Whether both have the same profile; levels may differ. */
  public boolean sameProfile(H264ProfileLevelId other) {
    return profile == other.profile;
  }
}
