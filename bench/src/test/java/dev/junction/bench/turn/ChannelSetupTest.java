package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.stun.ChannelNumber;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Method;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.XorPeerAddress;
import dev.junction.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The relay load's client handshake against a scripted server: Allocate challenged with 401,
 * Allocate signed, ChannelBind signed; a 438 Stale Nonce is answered once with the new nonce; a
 * 437 to the first Allocate says the 5-tuple is taken; any other error fails the setup.
 */
class ChannelSetupTest {

  private static final String REALM = "north.gov";
  private static final InetSocketAddress RELAYED = new InetSocketAddress("127.0.0.1", 50000);
  private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 3480);

  private final RestCredential credential = RestCredential.mint("secret", "bench", 2_000_000_000L);
  private final List<StunMessage> requests = new ArrayList<>();
  private final Deque<Function<StunMessage, byte[]>> answers = new ArrayDeque<>();

  /** The server side: each request gets the next scripted answer, with the request's transaction id. */
  private final ChannelSetup.Exchange server = (request, transaction) -> {
    StunMessage decoded = decode(request).message();
    assertThat(decoded.transactionId()).isEqualTo(transaction);
    requests.add(decoded);
    return decode(answers.removeFirst().apply(decoded));
  };

  @Test
  void allocatesAfterTheChallengeThenBindsTheChannel() throws IOException {
    answers.add(request -> error(request, ErrorCode.UNAUTHENTICATED, "n1"));
    answers.add(request -> success(request, true));
    answers.add(request -> success(request, false));

    InetSocketAddress relayed = new ChannelSetup(server, credential).allocateWithChannel(0x4000, PEER);

    assertThat(relayed).isEqualTo(RELAYED);
    assertThat(requests).extracting(m -> m.type().method()).containsExactly(Method.ALLOCATE, Method.ALLOCATE,
        Method.CHANNEL_BIND);
    assertThat(requests.get(0).has(Nonce.class)).as("the first Allocate is unsigned").isFalse();
    assertThat(requests.get(1).first(Nonce.class)).contains(new Nonce("n1"));
    StunMessage bind = requests.get(2);
    assertThat(bind.first(ChannelNumber.class)).contains(new ChannelNumber(0x4000));
    assertThat(bind.first(XorPeerAddress.class)).contains(new XorPeerAddress(PEER));
  }

  @Test
  void aStaleNonceIsAnsweredOnceWithTheNewOne() throws IOException {
    answers.add(request -> error(request, ErrorCode.UNAUTHENTICATED, "n1"));
    answers.add(request -> error(request, ErrorCode.STALE_NONCE, "n2"));
    answers.add(request -> success(request, true));
    answers.add(request -> success(request, false));

    new ChannelSetup(server, credential).allocateWithChannel(0x4000, PEER);

    assertThat(requests.get(2).first(Nonce.class)).contains(new Nonce("n2"));
  }

  @Test
  void aTakenFiveTupleIsToldApartFromOtherErrors() {
    answers.add(request -> error(request, ErrorCode.ALLOCATION_MISMATCH, null));
    assertThatThrownBy(() -> new ChannelSetup(server, credential).allocateWithChannel(0x4000, PEER))
        .isInstanceOf(ChannelSetup.FiveTupleTaken.class);

    answers.add(request -> error(request, ErrorCode.UNAUTHENTICATED, "n1"));
    answers.add(request -> error(request, ErrorCode.ALLOCATION_QUOTA_REACHED, null));
    assertThatThrownBy(() -> new ChannelSetup(server, credential).allocateWithChannel(0x4000, PEER))
        .isNotInstanceOf(ChannelSetup.FiveTupleTaken.class)
        .hasMessageContaining("error 486");
  }

  private byte[] error(StunMessage request, int code, String nonce) {
    StunMessage.Builder answer = StunMessage.builder(MessageType.of(request.type().method(), MessageClass.ERROR_RESPONSE),
        request.transactionId()).add(new ErrorCode(code, "scripted"));
    if (nonce != null) {
      answer.add(new Realm(REALM)).add(new Nonce(nonce));
    }
    return answer.encode();
  }

  private byte[] success(StunMessage request, boolean allocate) {
    StunMessage.Builder answer = StunMessage.builder(
        MessageType.of(request.type().method(), MessageClass.SUCCESS_RESPONSE), request.transactionId());
    if (allocate) {
      answer.add(new XorRelayedAddress(RELAYED));
    }
    return answer.messageIntegrity(credential.key(REALM)).encode();
  }

  private static DecodedMessage decode(byte[] bytes) {
    try {
      return StunDecoder.decode(bytes);
    } catch (dev.junction.stun.StunParseException e) {
      throw new AssertionError(e);
    }
  }
}
