package dev.junction.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code a=fmtp:<format> <format specific parameters>} (RFC 8866 §6.15) for an RTP payload type,
 * e.g. {@code a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f}.
 *
 * <p>The parameters stay as written. Most payload formats use {@code name=value} pairs separated
 * by {@code ;} (RFC 6184 §8.1, RFC 4588 §8.1); {@link #parameter} reads them with the name in any
 * case. Formats with a bare value ({@code telephone-event}'s {@code 0-15}, RED's {@code 111/111})
 * keep it in {@link #parameters()} and have no named parameters.
 */
public record Fmtp(int payloadType, String parameters) {

  public Fmtp {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
    }
    if (parameters.isBlank()) {
      throw new IllegalArgumentException("a=fmtp needs parameters (RFC 8866 §6.15)");
    }
  }

  static Fmtp parse(String value) throws SdpParseException {
    int space = indexOfBlank(value);
    if (space < 0 || value.substring(space).isBlank()) {
      throw new SdpParseException("a=fmtp needs '<format> <format specific parameters>' (RFC 8866 §6.15)");
    }
    int pt = Grammar.payloadType(value.substring(0, space), "a=fmtp format");
    return new Fmtp(pt, value.substring(space + 1).strip());
  }

  private static int indexOfBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  /** The {@code name=value} pairs, names in lower case, in order; the first of a repeated name wins. */
  public Map<String, String> parameterMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : parameters.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        map.putIfAbsent(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value of parameter {@code name}, any case. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameterMap().get(name.toLowerCase(Locale.ROOT)));
  }

  /** The value after {@code a=fmtp:}. */
  public String value() {
    return payloadType + " " + parameters;
  }

  /** The {@code a=fmtp} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("fmtp", value());
  }
}
