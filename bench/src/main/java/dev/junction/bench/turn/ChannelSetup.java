package dev.junction.bench.turn;

import dev.junction.stun.ChannelNumber;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.Lifetime;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.RequestedTransport;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.Username;
import dev.junction.stun.XorPeerAddress;
import dev.junction.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What a TURN client does before it sends ChannelData: Allocate (answered 401 with REALM and
 * NONCE, then again signed with the REST credential), then ChannelBind of one channel to one peer.
 * A 438 Stale Nonce is answered once with the fresh nonce, as RFC 8489 §9.2.5 asks. Any other
 * error fails the setup with the server's code. Afterwards, {@link #release()} deletes the
 * allocation with the same credentials.
 */
final class ChannelSetup {

  /** One request and its answer (same transaction id), retransmitting as the transport sees fit. */
  interface Exchange {
    DecodedMessage exchange(byte[] request, TransactionId transaction) throws IOException;
  }

  private final Exchange exchange;
  private final RestCredential credential;
  private String realm;
  private Nonce nonce;
  private IntegrityKey key;

  ChannelSetup(Exchange exchange, RestCredential credential) {
    this.exchange = exchange;
    this.credential = credential;
  }

  /** Allocates a UDP relay and binds {@code channel} to {@code peer}; returns the relayed address. */
  InetSocketAddress allocateWithChannel(int channel, InetSocketAddress peer) throws IOException {
    StunMessage challenge = send(StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random())
        .add(RequestedTransport.UDP), false).message();
    if (challenge.type().messageClass() == MessageClass.ERROR_RESPONSE
        && code(challenge) == ErrorCode.ALLOCATION_MISMATCH) {
      throw new FiveTupleTaken(challenge.toString());
    }
    if (challenge.type().messageClass() != MessageClass.ERROR_RESPONSE || code(challenge) != ErrorCode.UNAUTHENTICATED) {
      throw new IOException("expected 401 to an unsigned Allocate, got " + challenge);
    }
    learnNonce(challenge);
    StunMessage allocated = signed(MessageType.ALLOCATE_REQUEST, b -> b.add(RequestedTransport.UDP));
    InetSocketAddress relayed = allocated.first(XorRelayedAddress.class)
        .orElseThrow(() -> new IOException("Allocate success without XOR-RELAYED-ADDRESS: " + allocated))
        .address();
    signed(MessageType.CHANNEL_BIND_REQUEST, b -> b.add(new ChannelNumber(channel)).add(new XorPeerAddress(peer)));
    return relayed;
  }

  /**
   * Deletes the allocation: Refresh with LIFETIME 0 (RFC 8656 §7.2). Left to expire, it would
   * hold its 5-tuple for minutes, and a later run's client that the kernel gives the same local
   * port would be refused with 437 Allocation Mismatch.
   */
  void release() throws IOException {
    signed(MessageType.REFRESH_REQUEST, b -> b.add(new Lifetime(0)));
  }

  /**
   * 437 to the first Allocate: the server still holds an allocation for this client's 5-tuple,
   * left by an earlier client that had the same local port (turnutils_uclient leaves its
   * allocations to expire). A client on another port gets its own.
   */
  static final class FiveTupleTaken extends IOException {
    FiveTupleTaken(String answer) {
      super("the server already holds an allocation for this 5-tuple: " + answer);
    }
  }

  private interface Body {
    void add(StunMessage.Builder builder);
  }

  /** A signed request that must succeed; one retry after 438 Stale Nonce. */
  private StunMessage signed(MessageType type, Body body) throws IOException {
    for (int attempt = 1; ; attempt++) {
      StunMessage.Builder request = StunMessage.builder(type, TransactionId.random());
      body.add(request);
      request.add(new Username(credential.username())).add(new Realm(realm)).add(nonce).messageIntegrity(key);
      DecodedMessage decoded = send(request, true);
      StunMessage answer = decoded.message();
      if (answer.type().messageClass() == MessageClass.SUCCESS_RESPONSE) {
        return answer;
      }
      if (code(answer) == ErrorCode.STALE_NONCE && attempt == 1) {
        learnNonce(answer);
        continue;
      }
      throw new IOException(type.method() + " failed: error " + code(answer));
    }
  }

  private DecodedMessage send(StunMessage.Builder request, boolean verify) throws IOException {
    byte[] bytes = request.encode();
    TransactionId transaction = TransactionId.of(java.util.Arrays.copyOfRange(bytes, 8, 20));
    DecodedMessage answer = exchange.exchange(bytes, transaction);
    if (verify && answer.message().type().messageClass() == MessageClass.SUCCESS_RESPONSE
        && !answer.verifyMessageIntegrity(key)) {
      throw new IOException("answer with a bad MESSAGE-INTEGRITY: " + answer.message());
    }
    return answer;
  }

  private void learnNonce(StunMessage answer) throws IOException {
    nonce = answer.first(Nonce.class).orElseThrow(() -> new IOException("error " + code(answer) + " without NONCE"));
    String answerRealm = answer.first(Realm.class).map(Realm::value).orElse(realm);
    if (answerRealm == null) {
      throw new IOException("401 without REALM");
    }
    if (!answerRealm.equals(realm)) {
      realm = answerRealm;
      key = credential.key(realm);
    }
  }

  private static int code(StunMessage answer) {
    return answer.first(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }
}
