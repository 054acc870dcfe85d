package dev.junction.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One media section: its {@code m=} line and the lines that follow up to the next {@code m=}
 * (RFC 8866 §5). Kept as lines, in order, so writing it back gives what was read; the m= line,
 * c= line and attributes are also read into values, checked when the section is built. Immutable.
 */
public final class MediaDescription {

  /** The line types a media section may hold after its m= line (RFC 8866 §5). */
  private static final String MEDIA_LEVEL_TYPES = "icbka";

  private final List<SdpLine> lines;
  private final MediaLine mediaLine;
  private final Optional<Connection> connection;
  private final Attributes attributes;

  private MediaDescription(List<SdpLine> lines, MediaLine mediaLine, Optional<Connection> connection,
      Attributes attributes) {
    this.lines = lines;
    this.mediaLine = mediaLine;
    this.connection = connection;
    this.attributes = attributes;
  }

  /**
   * A section from its lines, the first of them the m= line.
   *
   * @throws SdpParseException naming the rule and the line, counted from the m= line as line 1
   */
  public static MediaDescription of(List<SdpLine> lines) throws SdpParseException {
    return read(lines, 1);
  }

  static MediaDescription read(List<SdpLine> lines, int firstLineNumber) throws SdpParseException {
    List<SdpLine> copy = List.copyOf(lines);
    if (copy.isEmpty() || copy.get(0).type() != 'm') {
      throw new SdpParseException("a media section starts with an m= line (RFC 8866 §5.14)").atLine(firstLineNumber);
    }
    MediaLine mediaLine;
    try {
      mediaLine = MediaLine.parse(copy.get(0).value());
    } catch (SdpParseException e) {
      throw e.atLine(firstLineNumber);
    }
    Optional<Connection> connection = Optional.empty();
    for (int i = 1; i < copy.size(); i++) {
      SdpLine line = copy.get(i);
      if (MEDIA_LEVEL_TYPES.indexOf(line.type()) < 0) {
        throw new SdpParseException("a " + line.type() + "= line is not allowed in a media section, only i=, c=, b=,"
            + " k= and a= (RFC 8866 §5)").atLine(firstLineNumber + i);
      }
      if (line.type() == 'c' && connection.isEmpty()) {
        try {
          connection = Optional.of(Connection.parse(line.value()));
        } catch (SdpParseException e) {
          throw e.atLine(firstLineNumber + i);
        }
      }
    }
    Attributes attributes = Attributes.read(copy, firstLineNumber, mediaLine.isRtp());
    return new MediaDescription(copy, mediaLine, connection, attributes);
  }

  /** All lines, the m= line first. */
  public List<SdpLine> lines() {
    return lines;
  }

  /** The m= line. */
  public MediaLine mediaLine() {
    return mediaLine;
  }

  /** The first c= line of the section, if any. */
  public Optional<Connection> connection() {
    return connection;
  }

  /** The section's attributes. */
  public Attributes attributes() {
    return attributes;
  }

  /** {@code video}, {@code audio}, {@code application}… */
  public String kind() {
    return mediaLine.media();
  }

  /** {@code a=mid}, if any. */
  public Optional<String> mid() {
    return attributes.mid();
  }

  /**
   * Whether the section is rejected or disabled: port 0 without {@code a=bundle-only}
   * (RFC 3264 §6, RFC 8843 §6: a bundle-only section also has port 0 but is not rejected).
   */
  public boolean isRejected() {
    return mediaLine.port() == 0 && !attributes.has("bundle-only");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaDescription other && other.lines.equals(lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  /** The section's text, CRLF after each line. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append("\r\n"));
    return b.toString();
  }
}
