package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SDP text into lines and sections (RFC 8866 §5). Stateless.
 *
 * <p>Accepted: CRLF or LF line endings ("a parser SHOULD be tolerant and also accept records
 * terminated with a single newline character", RFC 8866 §5), a last line without an ending,
 * blank lines after the last line.
 * Refused, naming the rule: text over {@link #MAX_LENGTH} characters, empty lines, a line not of
 * the form {@code <letter>=<value>}, an unknown type letter ("an SDP parser MUST completely ignore
 * any session description that contains a type letter that it does not understand", §5), a bare
 * CR or a NUL inside a line, and whatever {@link SessionDescription}, {@link MediaDescription} and
 * {@link Attributes} check.
 */
final class SdpParser {

  /**
   * The longest text accepted. A browser's description with a few sections is 3-10 KB; this
   * leaves room for dozens of sections while bounding what a client can make us read.
   */
  static final int MAX_LENGTH = 256 * 1024;

  private static final String KNOWN_TYPES = "vosiuepcbtrzkam";
  private static final int QUOTE = 40;

  private SdpParser() {}

  static SessionDescription parse(String text) throws SdpParseException {
    if (text.length() > MAX_LENGTH) {
      throw new SdpParseException("SDP of " + text.length() + " characters exceeds the limit of " + MAX_LENGTH);
    }
    List<SdpLine> lines = split(text);
    if (lines.isEmpty()) {
      throw new SdpParseException("empty SDP: a session description starts with v=0 (RFC 8866 §5)");
    }
    int firstMedia = 0;
    while (firstMedia < lines.size() && lines.get(firstMedia).type() != 'm') {
      firstMedia++;
    }
    List<MediaDescription> media = new ArrayList<>();
    int start = firstMedia;
    while (start < lines.size()) {
      int end = start + 1;
      while (end < lines.size() && lines.get(end).type() != 'm') {
        end++;
      }
      media.add(MediaDescription.read(lines.subList(start, end), start + 1));
      start = end;
    }
    return SessionDescription.read(lines.subList(0, firstMedia), media);
  }

  private static List<SdpLine> split(String text) throws SdpParseException {
    List<SdpLine> lines = new ArrayList<>();
    int pos = 0;
    int number = 0;
    while (pos < text.length()) {
      number++;
      int newline = text.indexOf('\n', pos);
      int end = newline < 0 ? text.length() : newline;
      int next = newline < 0 ? text.length() : newline + 1;
      if (end > pos && text.charAt(end - 1) == '\r') {
        end--;
      }
      if (end == pos && onlyLineEndsFrom(text, pos)) {
        break; // blank lines at the very end: harmless, and some tools add one
      }
      lines.add(line(text.substring(pos, end), number));
      pos = next;
    }
    return lines;
  }

  private static boolean onlyLineEndsFrom(String text, int pos) {
    for (int i = pos; i < text.length(); i++) {
      if (text.charAt(i) != '\r' && text.charAt(i) != '\n') {
        return false;
      }
    }
    return true;
  }

  private static SdpLine line(String raw, int number) throws SdpParseException {
    if (raw.isEmpty()) {
      throw new SdpParseException("empty line; every line is <type>=<value> (RFC 8866 §5)").atLine(number);
    }
    if (raw.length() < 2 || raw.charAt(1) != '=' || KNOWN_TYPES.indexOf(raw.charAt(0)) < 0) {
      String rule = raw.length() >= 2 && raw.charAt(1) == '=' && raw.charAt(0) >= 'a' && raw.charAt(0) <= 'z'
          ? "unknown type letter '" + raw.charAt(0) + "': a parser must refuse the description (RFC 8866 §5)"
          : "not <type>=<value> (RFC 8866 §5)";
      throw new SdpParseException("'" + quote(raw) + "' is " + rule).atLine(number);
    }
    for (int i = 2; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r' || c == '\0') {
        throw new SdpParseException((c == '\r' ? "a bare CR" : "NUL") + " inside a line (RFC 8866 §5)").atLine(number);
      }
    }
    return new SdpLine(raw.charAt(0), raw.substring(2));
  }

  private static String quote(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length() && i < QUOTE; i++) {
      char c = raw.charAt(i);
      b.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return raw.length() > QUOTE ? b + "…" : b.toString();
  }
}
