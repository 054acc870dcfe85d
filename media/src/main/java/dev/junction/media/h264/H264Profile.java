package dev.junction.media.h264;

import java.util.List;

/**
 * H.264 profiles as SDP negotiates them: RFC 6184 §8.1 Table 5 maps a profile_idc and the
 * constraint flags (profile-iop) to a profile, and several pairs mean the same one — 42e0, 42c0,
 * 4de0 and 58c0 are all Constrained Baseline. Constrained High (640c) is libwebrtc's addition.
 * Browsers compare profiles, not bytes, when they match an answer to an offer.
 */
public enum H264Profile {
  CONSTRAINED_BASELINE(0x42, 0xE0),
  BASELINE(0x42, 0x00),
  MAIN(0x4D, 0x00),
  EXTENDED(0x58, 0x00),
  HIGH(0x64, 0x00),
  CONSTRAINED_HIGH(0x64, 0x0C),
  HIGH_10(0x6E, 0x00),
  HIGH_422(0x7A, 0x00),
  HIGH_444(0xF4, 0x00),
  HIGH_10_INTRA(0x6E, 0x10),
  HIGH_422_INTRA(0x7A, 0x10),
  HIGH_444_INTRA(0xF4, 0x10),
  CAVLC_444_INTRA(0x2C, 0x10);

  private final int profileIdc;
  private final int profileIop;

  H264Profile(int profileIdc, int profileIop) {
    this.profileIdc = profileIdc;
    this.profileIop = profileIop;
  }

  /** The profile_idc browsers write for this profile. */
  public int profileIdc() {
    return profileIdc;
  }

  /** The profile-iop browsers write for this profile (libwebrtc's {@code ProfileLevelIdToString}). */
  public int profileIop() {
    return profileIop;
  }

  /**
   * Table 5 as bit patterns over profile-iop (constraint_set0 is the top bit; x is either).
   *
   * <pre>
   *  Profile   profile_idc  profile-iop
   *  CB        42           x1xx0000
   *     same   4D           1xxx0000
   *     same   58           11xx0000
   *  B         42           x0xx0000
   *     same   58           10xx0000
   *  M         4D           0x0x0000
   *  E         58           00xx0000
   *  H         64           00000000
   *  CH        64           00001100  (libwebrtc)
   *  H10       6E           00000000
   *  H42       7A           00000000
   *  H44       F4           00000000
   *  H10I      6E           00010000
   *  H42I      7A           00010000
   *  H44I      F4           00010000
   *  C44I      2C           00010000
   * </pre>
   */
  private static final List<Pattern> PATTERNS = List.of(
      new Pattern(0x42, 0x4F, 0x40, CONSTRAINED_BASELINE),
      new Pattern(0x4D, 0x8F, 0x80, CONSTRAINED_BASELINE),
      new Pattern(0x58, 0xCF, 0xC0, CONSTRAINED_BASELINE),
      new Pattern(0x42, 0x4F, 0x00, BASELINE),
      new Pattern(0x58, 0xCF, 0x80, BASELINE),
      new Pattern(0x4D, 0xAF, 0x00, MAIN),
      new Pattern(0x58, 0xCF, 0x00, EXTENDED),
      new Pattern(0x64, 0xFF, 0x00, HIGH),
      new Pattern(0x64, 0xFF, 0x0C, CONSTRAINED_HIGH),
      new Pattern(0x6E, 0xFF, 0x00, HIGH_10),
      new Pattern(0x7A, 0xFF, 0x00, HIGH_422),
      new Pattern(0xF4, 0xFF, 0x00, HIGH_444),
      new Pattern(0x6E, 0xFF, 0x10, HIGH_10_INTRA),
      new Pattern(0x7A, 0xFF, 0x10, HIGH_422_INTRA),
      new Pattern(0xF4, 0xFF, 0x10, HIGH_444_INTRA),
      new Pattern(0x2C, 0xFF, 0x10, CAVLC_444_INTRA));

  /** A row of the table: the profile-iop bits under {@code mask} must equal {@code value}. */
  private record Pattern(int profileIdc, int mask, int value, H264Profile profile) {}

  /** The profile of a profile_idc and profile-iop pair, or null if Table 5 has none. */
  static H264Profile of(int profileIdc, int profileIop) {
    for (Pattern p : PATTERNS) {
      if (p.profileIdc() == profileIdc && (profileIop & p.mask()) == p.value()) {
        return p.profile();
      }
    }
    return null;
  }
}
