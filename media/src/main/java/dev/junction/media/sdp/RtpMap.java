package dev.junction.media.sdp;

import java.util.OptionalInt;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]}
 * (RFC 8866 §6.6), e.g. {@code a=rtpmap:96 H264/90000} or {@code a=rtpmap:111 opus/48000/2}.
 *
 * @param encodingName as written; compare case-insensitively (RFC 4855 §3: "media subtype names
 *     are case-insensitive")
 * @param channels the encoding parameters, for audio the channel count
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, OptionalInt channels) {

  private static final String RULE = "RFC 8866 §6.6";

  public RtpMap {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
    }
    if (!Grammar.isToken(encodingName) || encodingName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("encoding name must be a token without '/': " + encodingName);
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
    }
  }

  /** A video mapping without encoding parameters. */
  public static RtpMap of(int payloadType, String encodingName, int clockRate) {
    return new RtpMap(payloadType, encodingName, clockRate, OptionalInt.empty());
  }

  static RtpMap parse(String value) throws SdpParseException {
    var f = Grammar.fields(value);
    if (f.size() != 2) {
      throw new SdpParseException("a=rtpmap needs '<payload type> <encoding name>/<clock rate>' (" + RULE + ")");
    }
    int pt = Grammar.payloadType(f.get(0), "a=rtpmap payload type");
    String[] parts = f.get(1).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || !Grammar.isToken(parts[0])) {
      throw new SdpParseException(
          "a=rtpmap '" + f.get(1) + "' is not <encoding name>/<clock rate>[/<encoding parameters>] (" + RULE + ")");
    }
    int clock = (int) Grammar.number(parts[1], 10, Integer.MAX_VALUE, "a=rtpmap clock rate", RULE);
    if (clock == 0) {
      throw new SdpParseException("a=rtpmap clock rate must be positive (" + RULE + ")");
    }
    OptionalInt channels = parts.length == 3
        ? OptionalInt.of((int) Grammar.number(parts[2], 3, 255, "a=rtpmap encoding parameters", RULE))
        : OptionalInt.empty();
    return new RtpMap(pt, parts[0], clock, channels);
  }

  /** Whether the encoding is {@code name}, ignoring case. */
  public boolean is(String name) {
    return encodingName.equalsIgnoreCase(name);
  }

  /** The value after {@code a=rtpmap:}. */
  public String value() {
    String base = payloadType + " " + encodingName + "/" + clockRate;
    return channels.isPresent() ? base + "/" + channels.getAsInt() : base;
  }

  /** The {@code a=rtpmap} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("rtpmap", value());
  }
}
