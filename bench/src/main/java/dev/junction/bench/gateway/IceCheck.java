package dev.junction.bench.gateway;

import dev.junction.media.ice.IceCredentials;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.IceControlling;
import dev.junction.stun.MessageType;
import dev.junction.stun.Priority;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;

/**
 * A viewer's ICE connectivity check towards the ICE-lite gateway (RFC 8445 §7.2.2): the viewer is
 * controlling, names {@code server:viewer} in USERNAME and signs with the server's password. The
 * first check nominates (USE-CANDIDATE, aggressive nomination as browsers do towards a lite
 * agent); later ones only keep consent alive (RFC 7675). Pure: bytes out, a verdict on bytes in.
 */
final class IceCheck {

  /** A host candidate's priority, type preference 126 (RFC 8445 §5.1.2.1). */
  private static final long PRIORITY = 2_130_706_431L;

  private final TransactionId transaction = TransactionId.random();
  private final byte[] request;

  IceCheck(IceCredentials server, IceCredentials viewer, long tieBreaker, boolean nominate) {
    StunMessage.Builder check = StunMessage.builder(MessageType.BINDING_REQUEST, transaction)
        .add(new Username(server.ufrag() + ":" + viewer.ufrag()))
        .add(new IceControlling(tieBreaker))
        .add(new Priority(PRIORITY));
    if (nominate) {
      check.add(UseCandidate.INSTANCE);
    }
    this.request = check.messageIntegrity(server.integrityKey()).fingerprint().encode();
  }

  byte[] request() {
    return request;
  }

  /**
   * Whether {@code datagram} is the server's success answer to this check, signed with its
   * password (RFC 8445 §7.2.5.2). Anything else, including a 487 role conflict, is not.
   */
  boolean answeredBy(byte[] datagram, IceCredentials server) {
    try {
      DecodedMessage answer = StunDecoder.decode(datagram);
      return answer.message().type().equals(MessageType.BINDING_SUCCESS)
          && answer.message().transactionId().equals(transaction)
          && answer.verifyMessageIntegrity(server.integrityKey());
    } catch (StunParseException e) {
      return false;
    }
  }
}
