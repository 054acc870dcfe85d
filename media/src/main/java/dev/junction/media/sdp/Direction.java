package dev.junction.media.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The media direction attributes (RFC 8866 §6.7, RFC 3264 §5.1): {@code a=sendrecv},
 * {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive}. Without one, a media section is
 * sendrecv unless the session level says otherwise.
 */
public enum Direction {
  SENDRECV, SENDONLY, RECVONLY, INACTIVE;

  /** The SDP spelling, which is the attribute's name. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The property attribute line, e.g. {@code a=sendonly}. */
  public SdpLine toLine() {
    return SdpLine.attribute(sdpName());
  }

  /** Whether the side that wrote this direction sends media. */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /** Whether the side that wrote this direction receives media. */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** The direction whose attribute is called {@code name}, if any. */
  public static Optional<Direction> fromAttributeName(String name) {
    for (Direction d : values()) {
      if (d.sdpName().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
