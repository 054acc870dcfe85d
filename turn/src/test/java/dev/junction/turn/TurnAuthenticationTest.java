package dev.junction.turn;

import static dev.junction.turn.TurnTestClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.Method;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.TransactionId;
import dev.junction.stun.XorMappedAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Binding, and the long-term credential mechanism (RFC 8489 §9.2) in front of every TURN request. */
class TurnAuthenticationTest {

  private final TestTurnServers servers = TestTurnServers.builder();
  private TurnServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bindingAnswersTheReflexiveAddressWithoutCredentials() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      DecodedMessage answer = client.plain(Method.BINDING);
      assertThat(errorCode(answer)).isZero();
      assertThat(answer.message().first(XorMappedAddress.class).orElseThrow().address()).isEqualTo(client.localAddress());
      assertThat(answer.hasValidFingerprint()).isTrue();
    }
  }

  @Test
  void aRequestWithoutIntegrityGets401WithRealmAndNonceAndNoIntegrity() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      DecodedMessage answer = client.plain(Method.ALLOCATE, dev.junction.stun.RequestedTransport.UDP);
      assertThat(errorCode(answer)).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(answer.message().first(Realm.class).orElseThrow().value()).isEqualTo(TestTurnServers.REALM);
      assertThat(answer.message().first(Nonce.class)).isPresent();
      assertThat(answer.hasMessageIntegrity()).isFalse();
    }
  }

  @Test
  void staticAndRestCredentialsAreAcceptedAndResponsesAreSignedWithTheirKey() throws Exception {
    server = servers.start();
    try (TurnTestClient fixed = new TurnTestClient(server.udpPort());
        TurnTestClient rest = new TurnTestClient(server.udpPort()).as("alice", TestTurnServers.SECRET, true)) {
      for (TurnTestClient client : new TurnTestClient[] {fixed, rest}) {
        DecodedMessage answer = client.allocate();
        assertThat(errorCode(answer)).isZero();
        assertThat(answer.verifyIntegrity(client.key())).isTrue();
      }
    }
  }

  @Test
  void aWrongPasswordAnExpiredRestUsernameOrAnotherSecretGet401() throws Exception {
    server = servers.start();
    try (TurnTestClient wrong = new TurnTestClient(server.udpPort()).as(TestTurnServers.USER, "guess", false);
        TurnTestClient forged = new TurnTestClient(server.udpPort()).as("alice", "not-the-servers-secret", true);
        TurnTestClient expired = new TurnTestClient(server.udpPort())) {
      assertThat(errorCode(wrong.allocate())).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(errorCode(forged.allocate())).isEqualTo(ErrorCode.UNAUTHENTICATED);
      String username = (java.time.Instant.now().getEpochSecond() - 1) + ":alice";
      expired.as(username, RestCredentials.password(TestTurnServers.SECRET.getBytes(), username), false);
      assertThat(errorCode(expired.allocate())).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  void integrityWithoutUsernameRealmOrNonceIs400() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      byte[] noUsername = dev.junction.stun.StunMessage.builder(dev.junction.stun.MessageType.ALLOCATE_REQUEST,
              TransactionId.random())
          .add(dev.junction.stun.RequestedTransport.UDP)
          .messageIntegrity(dev.junction.stun.IntegrityKey.shortTerm("x"))
          .encode();
      assertThat(errorCode(client.exchange(noUsername))).isEqualTo(ErrorCode.BAD_REQUEST);
    }
  }

  @Test
  void aNonceTurnsStaleAfterItsLifetimeAnd438CarriesAFreshOne() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      // An hour-long allocation outlives the 10-minute nonce.
      assertThat(errorCode(client.allocate(new dev.junction.stun.Lifetime(3600)))).isZero();
      servers.advanceClock(11 * 60_000);
      byte[] refresh = client.signed(Method.REFRESH, TransactionId.random());
      DecodedMessage stale = client.exchange(refresh);
      assertThat(errorCode(stale)).isEqualTo(ErrorCode.STALE_NONCE);
      assertThat(stale.message().first(Nonce.class)).isPresent();
      client.learnChallenge(stale);
      assertThat(errorCode(client.exchange(client.signed(Method.REFRESH, TransactionId.random())))).isZero();
    }
  }

  @Test
  void unauthenticatedAnswersToOneSourceAreRateLimited() throws Exception {
    server = servers.unauthenticatedPerSecond(5).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      for (int i = 0; i < 50; i++) {
        client.send(dev.junction.stun.StunMessage.builder(dev.junction.stun.MessageType.ALLOCATE_REQUEST,
            TransactionId.random()).add(dev.junction.stun.RequestedTransport.UDP).encode());
      }
      int answers = 0;
      while (client.receiveWithin(300) != null) {
        answers++;
      }
      // 5 a second; the burst may straddle two one-second windows.
      assertThat(answers).isBetween(5, 10);
    }
  }
}
