package dev.junction.media.peer;

import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.port.MediaPort;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Makes the server's peer connections: all share one media port, one DTLS identity (its
 * fingerprint is in every offer) and the addresses announced as host candidates. Thread-safe.
 */
public final class PeerConnectionFactory {

  private final MediaPort port;
  private final DtlsIdentity identity;
  private final List<InetAddress> announcedAddresses;

  /**
   * @param announcedAddresses the addresses browsers reach the media port at, put in each offer
   *     as host candidates: the machine's own, or a public address for a server behind NAT
   */
  public PeerConnectionFactory(MediaPort port, DtlsIdentity identity, List<InetAddress> announcedAddresses) {
    this.port = Objects.requireNonNull(port, "port");
    this.identity = Objects.requireNonNull(identity, "identity");
    if (announcedAddresses.isEmpty()) {
      throw new IllegalArgumentException("at least one announced address is needed for the offer's candidates");
    }
    this.announcedAddresses = List.copyOf(announcedAddresses);
  }

  /**
   * A new send-only H.264 peer connection with its offer ready.
   *
   * @param profileLevelId the stream's profile-level-id for the offer's fmtp, e.g. {@code 42e01f}
   */
  public ServerPeerConnection create(String profileLevelId, ServerPeerConnection.Listener listener) {
    return ServerPeerConnection.open(port, identity, announcedAddresses, profileLevelId, listener);
  }

  public MediaPort port() {
    return port;
  }

  /** The addresses every offer announces. */
  public List<InetAddress> announcedAddresses() {
    return announcedAddresses;
  }
}
