package dev.junction.media.ice;

import dev.junction.stun.Bytes;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A datagram to send from the media port: what and to whom. Immutable.
 *
 * @param payload the bytes
 * @param recipient the remote transport address; it is always the source of the datagram being
 *     answered (RFC 8445 §7.3.1.4 / RFC 8489 §6.3: responses go back to where the request came from)
 */
public record Datagram(Bytes payload, InetSocketAddress recipient) {

  public Datagram {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(recipient, "recipient");
  }
}
