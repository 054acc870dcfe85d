package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session description (RFC 8866): the session-level lines, then the media sections. Kept as
 * lines in order, so {@code parse(text).toString()} gives back the text with CRLF line endings;
 * the parts that matter to WebRTC are also read into values ({@link #origin()},
 * {@link #attributes()}, each section's {@link MediaDescription}), checked when built. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * SessionDescription answer = SessionDescription.parse(body);
 * for (MediaDescription m : answer.media()) { m.attributes().candidates() ... }
 * }</pre>
 */
public final class SessionDescription {

  /** The line types of the session level (RFC 8866 §5). */
  private static final String SESSION_LEVEL_TYPES = "vosiuepcbtrzka";

  private final List<SdpLine> sessionLines;
  private final Origin origin;
  private final Attributes attributes;
  private final List<MediaDescription> media;

  private SessionDescription(List<SdpLine> sessionLines, Origin origin, Attributes attributes,
      List<MediaDescription> media) {
    this.sessionLines = sessionLines;
    this.origin = origin;
    this.attributes = attributes;
    this.media = media;
  }

  /**
   * Parses SDP text with CRLF or LF line endings, as browsers and servers send it.
   *
   * @throws SdpParseException naming the rule and the line; the only exception for any text
   */
  public static SessionDescription parse(String text) throws SdpParseException {
    return SdpParser.parse(text);
  }

  /**
   * A description from its session-level lines ({@code v=}, {@code o=}, {@code s=} first) and
   * media sections.
   */
  public static SessionDescription of(List<SdpLine> sessionLines, List<MediaDescription> media)
      throws SdpParseException {
    return read(sessionLines, media);
  }

  static SessionDescription read(List<SdpLine> sessionLines, List<MediaDescription> media) throws SdpParseException {
    List<SdpLine> lines = List.copyOf(sessionLines);
    // "v=", "o=" and "s=" come first, in that order (RFC 8866 §5: "the type letters ... MUST appear in exactly
    // the order given").
    expect(lines, 0, 'v', "v=0 first");
    if (!lines.get(0).value().equals("0")) {
      throw new SdpParseException("v= must be 0 (RFC 8866 §5.1), got '" + lines.get(0).value() + "'").atLine(1);
    }
    expect(lines, 1, 'o', "o= second");
    expect(lines, 2, 's', "s= third");
    Origin origin;
    try {
      origin = Origin.parse(lines.get(1).value());
    } catch (SdpParseException e) {
      throw e.atLine(2);
    }
    boolean timing = false;
    for (int i = 3; i < lines.size(); i++) {
      SdpLine line = lines.get(i);
      if (SESSION_LEVEL_TYPES.indexOf(line.type()) < 0 || "vos".indexOf(line.type()) >= 0) {
        throw new SdpParseException("a " + line.type() + "= line is not allowed here at the session level"
            + " (RFC 8866 §5)").atLine(i + 1);
      }
      timing |= line.type() == 't';
    }
    if (!timing) {
      throw new SdpParseException("the session level needs a t= line (RFC 8866 §5.9; JSEP writes t=0 0)");
    }
    Attributes attributes = Attributes.read(lines, 1, false);
    return new SessionDescription(lines, origin, attributes, List.copyOf(media));
  }

  private static void expect(List<SdpLine> lines, int index, char type, String rule) throws SdpParseException {
    if (lines.size() <= index || lines.get(index).type() != type) {
      throw new SdpParseException("a session description starts v=, o=, s=; " + rule + " (RFC 8866 §5)")
          .atLine(index + 1);
    }
  }

  /** The session-level lines, {@code v=} first. */
  public List<SdpLine> sessionLines() {
    return sessionLines;
  }

  /** Every line, session level then each section. */
  public List<SdpLine> lines() {
    List<SdpLine> all = new ArrayList<>(sessionLines);
    media.forEach(m -> all.addAll(m.lines()));
    return List.copyOf(all);
  }

  /** The o= line. */
  public Origin origin() {
    return origin;
  }

  /** The s= value; JSEP writes {@code -}. */
  public String sessionName() {
    return sessionLines.get(2).value();
  }

  /** The session-level attributes. */
  public Attributes attributes() {
    return attributes;
  }

  /** The media sections, in order: their index is the m-line index. */
  public List<MediaDescription> media() {
    return media;
  }

  /** The section with this {@code a=mid}. */
  public Optional<MediaDescription> media(String mid) {
    return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
  }

  /** The {@code a=group:BUNDLE} group, if any (RFC 8843 §7.1). */
  public Optional<Group> bundleGroup() {
    return attributes.groups().stream().filter(g -> g.semantics().equals(Group.BUNDLE)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionDescription other && other.sessionLines.equals(sessionLines) && other.media.equals(media);
  }

  @Override
  public int hashCode() {
    return sessionLines.hashCode() * 31 + media.hashCode();
  }

  /** The SDP text, CRLF after every line (RFC 8866 §5). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    sessionLines.forEach(l -> b.append(l).append("\r\n"));
    media.forEach(b::append);
    return b.toString();
  }
}
