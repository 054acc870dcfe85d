package dev.junction.turn;

import static dev.junction.turn.TurnTestClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.ChannelNumber;
import dev.junction.stun.Data;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Method;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.XorPeerAddress;
import dev.junction.stun.XorRelayedAddress;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CreatePermission, ChannelBind, and data both ways (RFC 8656 §9–§12); and the security matrix:
 * with loopback peers off, no request may open the relay toward loopback, unspecified,
 * link-local (the cloud metadata address), multicast or the server itself.
 */
class TurnPermissionTest {

  private static final InetAddress OWN = Addresses.literal("203.0.113.77");
  private final TestTurnServers servers = TestTurnServers.builder().ownAddress(OWN);
  private TurnServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "relaying to {0} is refused with 403")
  @ValueSource(strings = {"127.0.0.1", "::1", "::ffff:127.0.0.1", "0.0.0.0", "::", "169.254.169.254", "224.0.0.1",
      "203.0.113.77"})
  void theSecurityMatrixIsRefusedWith403ByCreatePermissionAndChannelBind(String peer) throws Exception {
    server = servers.allowLoopbackPeers(false).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      XorPeerAddress target = new XorPeerAddress(new InetSocketAddress(Addresses.literal(peer), 3480));
      DecodedMessage permission = client.request(Method.CREATE_PERMISSION, target);
      assertThat(errorCode(permission)).as("CreatePermission to %s", peer).isEqualTo(ErrorCode.FORBIDDEN);
      DecodedMessage channel = client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4000), target);
      assertThat(errorCode(channel)).as("ChannelBind to %s", peer).isEqualTo(ErrorCode.FORBIDDEN);
    }
  }

  @Test
  void oneForbiddenPeerFailsTheWholeCreatePermission() throws Exception {
    server = servers.allowLoopbackPeers(false).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      DecodedMessage answer = client.request(Method.CREATE_PERMISSION,
          new XorPeerAddress(new InetSocketAddress("198.51.100.1", 1)),
          new XorPeerAddress(new InetSocketAddress("127.0.0.1", 1)));
      assertThat(errorCode(answer)).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(server.permissions()).isZero();
    }
  }

  @Test
  void permissionAndChannelRequestsNeedTheirAttributesAndAnAllocation() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      XorPeerAddress peer = new XorPeerAddress(new InetSocketAddress("198.51.100.1", 5000));
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION, peer))).isEqualTo(ErrorCode.ALLOCATION_MISMATCH);
      client.allocate();
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, peer))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x3fff), peer))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4000)))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4000), peer))).isZero();
      XorPeerAddress other = new XorPeerAddress(new InetSocketAddress("198.51.100.2", 5000));
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4000), other))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4001), peer))).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4000), peer))).isZero();
      assertThat(server.channels()).isEqualTo(1);
    }
  }

  @Test
  void anIpv6PeerOnAnIpv4AllocationIs443() throws Exception {
    server = servers.start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      DecodedMessage answer = client.request(Method.CREATE_PERMISSION,
          new XorPeerAddress(new InetSocketAddress("2001:db8::1", 5000)));
      assertThat(errorCode(answer)).isEqualTo(ErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
    }
  }

  @Test
  void anIpv6AllocationRelaysToIpv6PeersOnly() throws Exception {
    InetAddress ipv6Loopback = Addresses.literal("::1");
    server = servers.allowLoopbackPeers(true).relayV6(ipv6Loopback).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort());
        DatagramSocket peer = new DatagramSocket(new InetSocketAddress(ipv6Loopback, 0))) {
      InetSocketAddress relayed = relayed(client.allocate(dev.junction.stun.RequestedAddressFamily.IPV6));
      assertThat(relayed.getAddress()).isEqualTo(ipv6Loopback);
      InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION, new XorPeerAddress(
          new InetSocketAddress("198.51.100.1", 5000))))).isEqualTo(ErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION, new XorPeerAddress(peerAddress)))).isZero();
      client.send(sendIndication(peerAddress, "over ipv6"));
      DatagramPacket atPeer = receive(peer, 2000);
      assertThat(text(atPeer)).isEqualTo("over ipv6");
      assertThat(atPeer.getSocketAddress()).isEqualTo(relayed);
    }
  }

  @Test
  void permissionsPastTheCapAre508() throws Exception {
    server = servers.maxPermissions(2).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort())) {
      client.allocate();
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION, peer("198.51.100.1"), peer("198.51.100.2")))).isZero();
      assertThat(errorCode(client.request(Method.CREATE_PERMISSION, peer("198.51.100.3"))))
          .isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY);
    }
  }

  @Test
  void dataFlowsBothWaysThroughSendAndDataIndicationsOnlyWithAPermission() throws Exception {
    server = servers.allowLoopbackPeers(true).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort()); DatagramSocket peer = peerSocket()) {
      InetSocketAddress relayed = relayed(client.allocate());
      InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
      client.send(sendIndication(peerAddress, "before permission"));
      assertThat(receive(peer, 300)).isNull();

      client.request(Method.CREATE_PERMISSION, new XorPeerAddress(peerAddress));
      client.send(sendIndication(peerAddress, "hello peer"));
      DatagramPacket atPeer = receive(peer, 2000);
      assertThat(text(atPeer)).isEqualTo("hello peer");
      assertThat(atPeer.getSocketAddress()).isEqualTo(relayed);

      peer.send(new DatagramPacket("hello client".getBytes(StandardCharsets.UTF_8), 12, relayed));
      StunMessage indication = TurnTestClient.decode(client.receive()).message();
      assertThat(indication.type()).isEqualTo(MessageType.of(Method.DATA, MessageClass.INDICATION));
      assertThat(indication.first(XorPeerAddress.class).orElseThrow().address()).isEqualTo(peerAddress);
      assertThat(new String(indication.first(Data.class).orElseThrow().value().toByteArray(), StandardCharsets.UTF_8))
          .isEqualTo("hello client");
    }
  }

  @Test
  void channelDataFlowsBothWaysOnABoundChannel() throws Exception {
    server = servers.allowLoopbackPeers(true).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort()); DatagramSocket peer = peerSocket()) {
      InetSocketAddress relayed = relayed(client.allocate());
      InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
      assertThat(errorCode(client.request(Method.CHANNEL_BIND, new ChannelNumber(0x4abc), new XorPeerAddress(peerAddress))))
          .isZero();
      client.send(channelData(0x4abc, "over the channel"));
      assertThat(text(receive(peer, 2000))).isEqualTo("over the channel");

      peer.send(new DatagramPacket("and back".getBytes(StandardCharsets.UTF_8), 8, relayed));
      byte[] back = client.receive();
      assertThat(((back[0] & 0xff) << 8) | (back[1] & 0xff)).isEqualTo(0x4abc);
      assertThat(((back[2] & 0xff) << 8) | (back[3] & 0xff)).isEqualTo(8);
      assertThat(new String(back, 4, 8, StandardCharsets.UTF_8)).isEqualTo("and back");
      // An unbound channel number is dropped.
      client.send(channelData(0x4abd, "nowhere"));
      assertThat(receive(peer, 300)).isNull();
    }
  }

  @Test
  void aPermissionExpiresAfterFiveMinutesUnlessRefreshed() throws Exception {
    server = servers.allowLoopbackPeers(true).start();
    try (TurnTestClient client = new TurnTestClient(server.udpPort()); DatagramSocket peer = peerSocket()) {
      client.allocate(new dev.junction.stun.Lifetime(3600));
      InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
      client.request(Method.CREATE_PERMISSION, new XorPeerAddress(peerAddress));
      servers.advanceClock(299_000);
      client.send(sendIndication(peerAddress, "still allowed"));
      assertThat(text(receive(peer, 2000))).isEqualTo("still allowed");
      servers.advanceClock(2_000);
      client.send(sendIndication(peerAddress, "too late"));
      assertThat(receive(peer, 300)).isNull();
    }
  }

  @Test
  void aFloodOfMalformedPacketsIsIgnoredAndAWellFormedClientIsStillServed() throws Exception {
    server = servers.start();
    java.util.Random random = new java.util.Random(42);
    try (TurnTestClient attacker = new TurnTestClient(server.udpPort()); TurnTestClient client = new TurnTestClient(server.udpPort())) {
      for (int i = 0; i < 20_000; i++) {
        byte[] junk = new byte[20 + random.nextInt(120)];
        random.nextBytes(junk);
        junk[0] &= 0x03; // looks like STUN to the demultiplexer
        attacker.send(junk);
        if (i % 2_000 == 0) {
          assertThat(errorCode(client.plain(Method.BINDING))).isZero();
        }
      }
      assertThat(errorCode(client.allocate())).isZero();
      assertThat(attacker.receiveWithin(200)).isNull();
    }
  }

  private static XorPeerAddress peer(String ip) {
    return new XorPeerAddress(new InetSocketAddress(ip, 5000));
  }

  private static InetSocketAddress relayed(DecodedMessage allocated) {
    return allocated.message().first(XorRelayedAddress.class).orElseThrow().address();
  }

  private static byte[] sendIndication(InetSocketAddress peer, String text) {
    return StunMessage.builder(MessageType.of(Method.SEND, MessageClass.INDICATION), TransactionId.random())
        .add(new XorPeerAddress(peer))
        .add(new Data(dev.junction.stun.Bytes.utf8(text)))
        .encode();
  }

  private static byte[] channelData(int channel, String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    byte[] packet = new byte[4 + data.length];
    ChannelData.writeHeader(packet, 0, channel, data.length);
    System.arraycopy(data, 0, packet, 4, data.length);
    return packet;
  }

  private static DatagramSocket peerSocket() throws Exception {
    return new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
  }

  private static DatagramPacket receive(DatagramSocket socket, int millis) throws Exception {
    socket.setSoTimeout(millis);
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(packet);
      return packet;
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
  }

  private static String text(DatagramPacket packet) {
    assertThat(packet).as("a datagram").isNotNull();
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

}
