package dev.junction.media.dtls;

import dev.junction.media.srtp.DtlsSrtpKeyingMaterial;
import java.io.IOException;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DTLSTransport;

/**
 * Runs the server side of a DTLS-SRTP handshake to completion. It blocks (BouncyCastle's DTLS
 * engine is synchronous, up to about 30 s with its retransmissions), so callers run it on a
 * bounded worker pool, never on an event loop.
 */
public final class DtlsHandshake {

  private DtlsHandshake() {}

  /** The result: the DTLS transport (for closing it, or data channels later) and the SRTP keys. */
  public record Completed(DTLSTransport transport, DtlsSrtpKeyingMaterial keys) {}

  /**
   * Accepts a handshake from the peer whose SDP fingerprint is {@code peerFingerprint}.
   *
   * @throws IOException when the handshake fails: wrong certificate, no common SRTP profile,
   *     timeout, or an alert from the peer
   */
  public static Completed accept(DtlsIdentity identity, String peerFingerprint, QueuedDatagramTransport transport)
      throws IOException {
    SrtpDtlsServer server = new SrtpDtlsServer(identity, peerFingerprint);
    DTLSServerProtocol protocol = new DTLSServerProtocol();
    // No HelloVerifyRequest round trip: ICE has already proven the peer's address.
    protocol.setVerifyRequests(false);
    DTLSTransport established = protocol.accept(server, transport);
    return new Completed(established, server.keys());
  }

  /**
   * Connects as the DTLS client to a server whose SDP fingerprint is {@code serverFingerprint},
   * offering {@code profiles} (SRTP protection profile ids, preferred first): what a browser does.
   *
   * @throws IOException when the handshake fails
   */
  public static Completed connect(DtlsIdentity identity, String serverFingerprint, DatagramTransport transport,
      int... profiles) throws IOException {
    SrtpDtlsClient client = new SrtpDtlsClient(identity, serverFingerprint, profiles);
    DTLSTransport established = new DTLSClientProtocol().connect(client, transport);
    return new Completed(established, client.keys());
  }
}
