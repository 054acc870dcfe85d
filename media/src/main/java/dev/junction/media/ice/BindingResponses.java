package dev.junction.media.ice;

import dev.junction.stun.Bytes;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.StunMessage;
import dev.junction.stun.UnknownAttributes;
import dev.junction.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The responses a lite agent sends to Binding requests. Every one carries FINGERPRINT, as ICE's
 * STUN usage requires (RFC 8445 §7.2.2), so the peer can tell it from media on the same port.
 * Stateless.
 */
final class BindingResponses {

  private BindingResponses() {}

  /**
   * The success response (RFC 8445 §7.3.1.4): XOR-MAPPED-ADDRESS holds the request's source
   * transport address, and the response is signed with the key that authenticated the request,
   * our own password (RFC 8489 §9.1.3).
   */
  static Datagram success(StunMessage request, InetSocketAddress source, IntegrityKey key) {
    byte[] bytes = StunMessage.builder(request.type().successResponse(), request.transactionId())
        .add(new XorMappedAddress(source))
        .messageIntegrity(key)
        .fingerprint()
        .encode();
    return new Datagram(Bytes.of(bytes), source);
  }

  /**
   * An error response, signed when the request was authenticated (420 and 487 follow a valid
   * MESSAGE-INTEGRITY, RFC 8489 §9.1.3) and unsigned otherwise (400 and 401: the peer has proven
   * no key).
   */
  static Datagram error(StunMessage request, InetSocketAddress source, int code, IntegrityKey keyOrNull,
      List<Integer> unknownAttributes) {
    StunMessage.Builder b = StunMessage.builder(request.type().errorResponse(), request.transactionId())
        .add(ErrorCode.of(code));
    if (!unknownAttributes.isEmpty()) {
      b.add(new UnknownAttributes(unknownAttributes));
    }
    if (keyOrNull != null) {
      b.messageIntegrity(keyOrNull);
    }
    return new Datagram(Bytes.of(b.fingerprint().encode()), source);
  }
}
