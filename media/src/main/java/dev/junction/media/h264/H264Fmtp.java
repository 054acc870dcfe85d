package dev.junction.media.h264;

import java.util.Locale;

/**
 * The {@code a=fmtp} parameters of an H.264 payload type (RFC 6184 §8.1) that WebRTC uses:
 * {@code level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f}.
 *
 * @param levelAsymmetryAllowed the receiver may decode a higher level than it sends
 * @param packetizationMode 0 single NAL unit, 1 non-interleaved (what this package produces), 2 interleaved
 * @param profileLevelId profile and level of the stream
 */
public record H264Fmtp(boolean levelAsymmetryAllowed, int packetizationMode, ProfileLevelId profileLevelId) {

  public H264Fmtp {
    if (packetizationMode < 0 || packetizationMode > 2) {
      throw new IllegalArgumentException("packetization-mode is 0, 1 or 2 (RFC 6184 §8.1), got " + packetizationMode);
    }
    if (profileLevelId == null) {
      throw new NullPointerException("profileLevelId");
    }
  }

  /** Level asymmetry allowed, packetization mode 1, this profile-level-id as it is. */
  public static H264Fmtp of(ProfileLevelId profileLevelId) {
    return new H264Fmtp(true, 1, profileLevelId);
  }

  /**
   * The fmtp for a stream with this SPS: level asymmetry allowed, packetization mode 1, and the
   * SPS's profile-level-id in {@link ProfileLevelId#canonical() canonical} form (42e01f for
   * x264's Constrained Baseline 3.1, whose SPS says 42c01f).
   */
  public static H264Fmtp forStream(Sps sps) {
    return of(sps.profileLevelId().canonical());
  }

  /**
   * Reads an fmtp value such as a browser's answer. Unknown parameters are ignored; absent ones
   * take RFC 6184's defaults (level-asymmetry-allowed 0, packetization-mode 0, profile-level-id
   * 42000a).
   */
  public static H264Fmtp parse(String fmtp) throws H264ParseException {
    boolean asymmetry = false;
    int mode = 0;
    ProfileLevelId profileLevelId = ProfileLevelId.DEFAULT;
    for (String parameter : fmtp.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        throw new H264ParseException("fmtp parameter \"" + trimmed + "\" is not name=value");
      }
      String name = trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      String value = trimmed.substring(equals + 1).trim();
      switch (name) {
        case "level-asymmetry-allowed" -> asymmetry = flag(name, value);
        case "packetization-mode" -> {
          if (!value.equals("0") && !value.equals("1") && !value.equals("2")) {
            throw new H264ParseException("packetization-mode is 0, 1 or 2, got \"" + value + "\"");
          }
          mode = Integer.parseInt(value);
        }
        case "profile-level-id" -> profileLevelId = ProfileLevelId.parse(value);
        default -> { } // sprop-parameter-sets, max-mbps, ... are for someone else
      }
    }
    return new H264Fmtp(asymmetry, mode, profileLevelId);
  }

  private static boolean flag(String name, String value) throws H264ParseException {
    return switch (value) {
      case "0" -> false;
      case "1" -> true;
      default -> throw new H264ParseException(name + " is 0 or 1, got \"" + value + "\"");
    };
  }

  /** The value for {@code a=fmtp:<pt> }, parameters in the order browsers write them. */
  public String value() {
    return "level-asymmetry-allowed=" + (levelAsymmetryAllowed ? 1 : 0) + ";packetization-mode=" + packetizationMode
        + ";profile-level-id=" + profileLevelId.hex();
  }

  @Override
  public String toString() {
    return value();
  }
}
