package dev.junction.media.ice;

import dev.junction.stun.Bytes;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.IceControlled;
import dev.junction.stun.IceControlling;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.MessageType;
import dev.junction.stun.Priority;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;
import java.net.InetSocketAddress;

/**
 * The controlling full agent of a test, shaped like Chromium's checks: USERNAME
 * {@code "serverUfrag:browserUfrag"}, PRIORITY, ICE-CONTROLLING, optional USE-CANDIDATE,
 * MESSAGE-INTEGRITY with the server's password, FINGERPRINT.
 */
record BrowserPeer(String ufrag, InetSocketAddress address) {

  static final long TIE_BREAKER = 0x1122334455667788L;

  static BrowserPeer at(String ip, int port) {
    return new BrowserPeer("br0w", new InetSocketAddress(ip, port));
  }

  BrowserPeer from(String ip, int port) {
    return new BrowserPeer(ufrag, new InetSocketAddress(ip, port));
  }

  /** A check of the server whose credentials are {@code server}. */
  StunMessage.Builder check(IceCredentials server, boolean useCandidate) {
    StunMessage.Builder b = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username(server.ufrag() + ":" + ufrag))
        .add(new IceControlling(TIE_BREAKER))
        .add(new Priority(1_853_817_087L));
    if (useCandidate) {
      b.add(UseCandidate.INSTANCE);
    }
    return b;
  }

  /** A complete, signed check. */
  byte[] signedCheck(IceCredentials server, boolean useCandidate) {
    return check(server, useCandidate).messageIntegrity(server.integrityKey()).fingerprint().encode();
  }

  /** A check claiming the controlled role, as a confused peer would. */
  byte[] controlledCheck(IceCredentials server) {
    return StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username(server.ufrag() + ":" + ufrag))
        .add(new IceControlled(TIE_BREAKER))
        .add(new Priority(1))
        .messageIntegrity(server.integrityKey()).fingerprint().encode();
  }

  static DecodedMessage decode(Bytes bytes) {
    try {
      return StunDecoder.decode(bytes.toByteArray());
    } catch (StunParseException e) {
      throw new AssertionError("the server sent malformed STUN: " + e.getMessage(), e);
    }
  }

  static TransactionId transactionId(byte[] request) {
    try {
      return StunDecoder.decode(request).message().transactionId();
    } catch (StunParseException e) {
      throw new AssertionError(e);
    }
  }

  static IntegrityKey key(IceCredentials c) {
    return c.integrityKey();
  }
}
