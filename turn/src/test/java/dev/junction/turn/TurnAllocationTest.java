package dev.junction.turn;

import static dev.junction.turn.TurnTestClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.EvenPort;
import dev.junction.stun.Lifetime;
import dev.junction.stun.Method;
import dev.junction.stun.RequestedAddressFamily;
import dev.junction.stun.RequestedTransport;
import dev.junction.stun.ReservationToken;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UnknownAttribute;
import dev.junction.stun.UnknownAttributes;
import dev.junction.stun.XorMappedAddress;
import dev.junction.stun.XorRelayedAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Allocate and Refresh (RFC 8656 §7, §8): the success shape, lifetimes, and every refusal. */
class TurnAllocationTest {

  private final TestTurnServers servers = TestTurnServers.builder();
  private TurnServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private static long lifetime(DecodedMessage answer) {
    return answer.message().first(Lifetime.class).orElseThrow().seconds();
  }

  @Test
  void anAllocationGivesARelayedAddressTheMappedAddressAndTheDefaultLifetime() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      DecodedMessage answer = client.allocate();
      assertThat(errorCode(answer)).isZero();
      InetSocketAddress relayed = answer.message().first(XorRelayedAddress.class).orElseThrow().address();
      assertThat(relayed.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(relayed.getPort()).isBetween(49152, 65535);
      assertThat(answer.message().first(XorMappedAddress.class).orElseThrow().address()).isEqualTo(client.localAddress());
      assertThat(lifetime(answer)).isEqualTo(600);
      assertThat(server.allocations()).isEqualTo(1);
    }
  }

  @Test
  void theLifetimeIsWhatWasAskedWithinDefaultAndMaximum() throws Exception {
    server = servers.start();
    try (TurnTestClient shorter = new TurnTestClient(server.udpPort());
        TurnTestClient longer = new TurnTestClient(server.udpPort());
        TurnTestClient excessive = new TurnTestClient(server.udpPort())) {
      assertThat(lifetime(shorter.allocate(new Lifetime(30)))).isEqualTo(600);
      assertThat(lifetime(longer.allocate(new Lifetime(1200)))).isEqualTo(1200);
      assertThat(lifetime(excessive.allocate(new Lifetime(86_400)))).isEqualTo(3600);
    }
  }

  @Test
  void aSecondAllocateOnTheSame5TupleIs437ButARetransmissionGetsTheSameAnswer() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      byte[] retransmitted = client.signed(Method.ALLOCATE, TransactionId.random(), RequestedTransport.UDP);
      assertThat(errorCode(client.exchange(retransmitted))).isEqualTo(ErrorCode.ALLOCATION_MISMATCH);
    }
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.learnChallenge(client.plain(Method.ALLOCATE, RequestedTransport.UDP));
      byte[] allocate = client.signed(Method.ALLOCATE, TransactionId.random(), RequestedTransport.UDP);
      DecodedMessage first = client.exchange(allocate);
      DecodedMessage again = client.exchange(allocate);
      assertThat(errorCode(first)).isZero();
      assertThat(again.bytes()).isEqualTo(first.bytes());
    }
  }

  @Test
  void aMissingRequestedTransportIs400AndTcpIs442() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      assertThat(errorCode(client.request(Method.ALLOCATE))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.ALLOCATE, new RequestedTransport(RequestedTransport.PROTOCOL_TCP))))
          .isEqualTo(ErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL);
    }
  }

  @Test
  void ipv6WithoutAnIpv6RelayIs440() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      assertThat(errorCode(client.allocate(RequestedAddressFamily.IPV6))).isEqualTo(ErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED);
    }
  }

  @Test
  void anUnknownComprehensionRequiredAttributeIs420NamingIt() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      DecodedMessage answer = client.allocate(new UnknownAttribute(0x7777, dev.junction.stun.Bytes.of(new byte[] {1, 2, 3, 4})));
      assertThat(errorCode(answer)).isEqualTo(ErrorCode.UNKNOWN_ATTRIBUTE);
      assertThat(answer.message().first(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7777);
    }
  }

  @Test
  void evenPortGivesAnEvenPortAndTheReservedOddOneGoesToItsToken() throws Exception {
    server = servers.start();
    try (TurnTestClient rtp = new TurnTestClient(server.udpPort()); TurnTestClient rtcp = new TurnTestClient(server.udpPort())) {
      DecodedMessage first = rtp.allocate(new EvenPort(true));
      int port = first.message().first(XorRelayedAddress.class).orElseThrow().address().getPort();
      assertThat(port % 2).isZero();
      long token = first.message().first(ReservationToken.class).orElseThrow().token();
      DecodedMessage second = rtcp.allocate(new ReservationToken(token));
      assertThat(second.message().first(XorRelayedAddress.class).orElseThrow().address().getPort()).isEqualTo(port + 1);
    }
  }

  @Test
  void refreshExtendsRefreshZeroDeletesAndItsRetransmissionStillSucceeds() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      assertThat(lifetime(client.request(Method.REFRESH, new Lifetime(1800)))).isEqualTo(1800);
      byte[] delete = client.signed(Method.REFRESH, TransactionId.random(), new Lifetime(0));
      DecodedMessage deleted = client.exchange(delete);
      assertThat(lifetime(deleted)).isZero();
      assertThat(server.allocations()).isZero();
      assertThat(errorCode(client.exchange(delete))).isZero();
      assertThat(errorCode(client.request(Method.REFRESH))).isEqualTo(ErrorCode.ALLOCATION_MISMATCH);
    }
  }

  @Test
  void anAllocationExpiresWhenItsLifetimeRunsOut() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate(new Lifetime(3600));
      servers.advanceClock(3_600_000);
      // The nonce is stale too: the client learns a new one, then finds its allocation gone.
      assertThat(errorCode(client.request(Method.REFRESH))).isEqualTo(ErrorCode.ALLOCATION_MISMATCH);
      assertThat(server.allocations()).isZero();
    }
  }

  @Test
  void anotherUserOnTheSame5TupleIs441() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      client.as("alice", TestTurnServers.SECRET, true);
      assertThat(errorCode(client.request(Method.REFRESH))).isEqualTo(ErrorCode.WRONG_CREDENTIALS);
    }
  }

  @Test
  void quotasPerUserAndInTotalAre486() throws Exception {
    server = servers.maxAllocations(1, 2).start();
    try (TurnTestClient first = new TurnTestClient(server.udpPort());
        TurnTestClient sameUser = new TurnTestClient(server.udpPort());
        TurnTestClient otherUser = new TurnTestClient(server.udpPort()).as("bob", TestTurnServers.SECRET, true);
        TurnTestClient overTotal = new TurnTestClient(server.udpPort()).as("carol", TestTurnServers.SECRET, true)) {
      assertThat(errorCode(first.allocate())).isZero();
      assertThat(errorCode(sameUser.allocate())).isEqualTo(ErrorCode.ALLOCATION_QUOTA_REACHED);
      assertThat(errorCode(otherUser.allocate())).isZero();
      assertThat(errorCode(overTotal.allocate())).isEqualTo(ErrorCode.ALLOCATION_QUOTA_REACHED);
      // Deleting one frees its slot.
      first.request(Method.REFRESH, new Lifetime(0));
      assertThat(errorCode(sameUser.allocate())).isZero();
    }
  }

  @Test
  void anExhaustedPortRangeIs508() throws Exception {
    server = servers.ports(61000, 61000).start();
    try (TurnTestClient first = new TurnTestClient(server.udpPort());
        TurnTestClient second = new TurnTestClient(server.udpPort())) {
      assertThat(errorCode(first.allocate())).isZero();
      assertThat(errorCode(second.allocate())).isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY);
    }
  }
}
