package dev.junction.media.sdp;

import java.util.Optional;

/**
 * One line of a session description, {@code <type>=<value>} (RFC 8866 §5), kept exactly as it
 * came: a parsed description is its lines, so writing it back gives the same text.
 *
 * <p>For attribute lines ({@code a=}), {@link #attributeName()} and {@link #attributeValue()}
 * split the value at the first colon: {@code a=<attribute-name>[:<attribute-value>]}
 * (RFC 8866 §5.13).
 *
 * @param type a lower-case letter
 * @param value the text after {@code '='}; never contains CR, LF or NUL
 */
public record SdpLine(char type, String value) {

  public SdpLine {
    if (type < 'a' || type > 'z') {
      throw new IllegalArgumentException("an SDP line type is one lower-case letter, got '" + type + "' (RFC 8866 §5)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new IllegalArgumentException(
            "an SDP value must not contain CR, LF or NUL (RFC 8866 §5), found 0x" + Integer.toHexString(c) + " at " + i);
      }
    }
  }

  /** A property attribute, such as {@code a=rtcp-mux}. */
  public static SdpLine attribute(String name) {
    return new SdpLine('a', name);
  }

  /** A value attribute, such as {@code a=mid:0}. */
  public static SdpLine attribute(String name, String value) {
    return new SdpLine('a', name + ":" + value);
  }

  /** Whether this is an {@code a=} line. */
  public boolean isAttribute() {
    return type == 'a';
  }

  /** Whether this is the attribute {@code name}, with or without a value. */
  public boolean isAttribute(String name) {
    return isAttribute() && attributeName().equals(name);
  }

  /**
   * The attribute's name: the value up to the first colon, or all of it.
   *
   * @throws IllegalStateException if this is not an {@code a=} line
   */
  public String attributeName() {
    requireAttribute();
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /**
   * The attribute's value: everything after the first colon, which may be empty; nothing for a
   * property attribute such as {@code a=rtcp-mux}.
   *
   * @throws IllegalStateException if this is not an {@code a=} line
   */
  public Optional<String> attributeValue() {
    requireAttribute();
    int colon = value.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
  }

  private void requireAttribute() {
    if (!isAttribute()) {
      throw new IllegalStateException("not an attribute line: " + this);
    }
  }

  /** The line as written, without its line ending. */
  @Override
  public String toString() {
    return type + "=" + value;
  }
}
