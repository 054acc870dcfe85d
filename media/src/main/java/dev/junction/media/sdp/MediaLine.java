package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code m=} line (RFC 8866 §5.14):
 *
 * <pre>
 * m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...
 * </pre>
 *
 * In WebRTC the port is the default candidate's, or 9 (discard) when trickling, and 0 means the
 * section is rejected or disabled (RFC 3264 §6, §8.2). For RTP profiles the formats are payload
 * types.
 *
 * @param media {@code video}, {@code audio}, {@code application}…
 * @param protocol e.g. {@code UDP/TLS/RTP/SAVPF} (RFC 5764 §8)
 * @param formats as written; at least one
 */
public record MediaLine(String media, int port, OptionalInt numberOfPorts, String protocol, List<String> formats) {

  private static final String RULE = "RFC 8866 §5.14";

  public MediaLine {
    if (!Grammar.isToken(media)) {
      throw new IllegalArgumentException("media must be a token (" + RULE + "): " + media);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    if (!isProto(protocol)) {
      throw new IllegalArgumentException("proto must be token *(\"/\" token) (" + RULE + "): " + protocol);
    }
    formats = List.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("an m= line needs at least one format (" + RULE + ")");
    }
    for (String fmt : formats) {
      if (!Grammar.isToken(fmt)) {
        throw new IllegalArgumentException("fmt must be a token (" + RULE + "): " + fmt);
      }
    }
  }

  static MediaLine parse(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() < 4) {
      throw new SdpParseException("m= needs '<media> <port> <proto> <fmt> ...', got " + f.size() + " fields (" + RULE + ")");
    }
    if (!Grammar.isToken(f.get(0))) {
      throw new SdpParseException("m= media '" + f.get(0) + "' is not a token (" + RULE + ")");
    }
    String[] port = f.get(1).split("/", -1);
    if (port.length > 2) {
      throw new SdpParseException("m= port '" + f.get(1) + "' is not <port>[/<number of ports>] (" + RULE + ")");
    }
    int p = Grammar.port(port[0], "m= port", RULE);
    OptionalInt count = port.length == 2
        ? OptionalInt.of((int) Grammar.number(port[1], 5, 65_535, "m= number of ports", RULE))
        : OptionalInt.empty();
    if (!isProto(f.get(2))) {
      throw new SdpParseException("m= proto '" + f.get(2) + "' is not token *(\"/\" token) (" + RULE + ")");
    }
    for (String fmt : f.subList(3, f.size())) {
      if (!Grammar.isToken(fmt)) {
        throw new SdpParseException("m= fmt '" + fmt + "' is not a token (" + RULE + ")");
      }
    }
    return new MediaLine(f.get(0), p, count, f.get(2), new ArrayList<>(f.subList(3, f.size())));
  }

  /** {@code proto = token *("/" token)} (RFC 8866 §9). */
  private static boolean isProto(String proto) {
    for (String part : proto.split("/", -1)) {
      if (!Grammar.isToken(part)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the profile is RTP-based ({@code RTP/AVP}, {@code UDP/TLS/RTP/SAVPF}…), so formats are payload types. */
  public boolean isRtp() {
    return protocol.contains("RTP/");
  }

  /** The payload types of an RTP section, in preference order; formats that are not numbers are skipped. */
  public List<Integer> payloadTypes() {
    List<Integer> pts = new ArrayList<>();
    for (String fmt : formats) {
      try {
        pts.add((int) Grammar.number(fmt, 3, 127, "fmt", RULE));
      } catch (SdpParseException notAPayloadType) {
        // an RTP section with a non-numeric format is odd but readable; the format is simply not a payload type
      }
    }
    return pts;
  }

  /** The value after {@code m=}. */
  public String value() {
    StringBuilder b = new StringBuilder().append(media).append(' ').append(port);
    numberOfPorts.ifPresent(n -> b.append('/').append(n));
    b.append(' ').append(protocol);
    formats.forEach(f -> b.append(' ').append(f));
    return b.toString();
  }

  /** The {@code m=} line. */
  public SdpLine toLine() {
    return new SdpLine('m', value());
  }
}
