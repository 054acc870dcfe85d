package dev.junction.turn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.turn.ChannelData;
import dev.junction.turn.RelaySocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.Future;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay socket that epoll reads and writes without a Netty channel: what a peer sends reaches
 * the handler with its sender and room for a ChannelData header before it, what the allocation
 * sends reaches the peer, and closing gives the port back.
 */
class EpollRelaySocketTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private MultiThreadIoEventLoopGroup group;
  private IoEventLoop loop;
  private final BlockingQueue<Received> received = new ArrayBlockingQueue<>(16);
  private final FlushBatch batch = new FlushBatch(); // used on the one loop only

  private record Received(InetSocketAddress peer, int readerIndex, String text) {}

  @BeforeEach
  void start() {
    assumeTrue(Epoll.isAvailable(), "epoll is Linux-only");
    group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    loop = (IoEventLoop) group.next();
  }

  @AfterEach
  void stop() {
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private RelaySocket bind(int port) {
    Future<RelaySocket> bound = EpollRelaySocket.bind(new InetSocketAddress(LOOPBACK, port), loop,
        ByteBufAllocator.DEFAULT, () -> batch, (peer, data) -> {
          received.add(new Received(peer, data.readerIndex(), data.toString(StandardCharsets.UTF_8)));
          data.release();
        });
    return bound.syncUninterruptibly().getNow();
  }

  @Test
  void aPeersDatagramReachesTheHandlerWithItsSenderAndRoomForTheChannelDataHeader() throws Exception {
    RelaySocket relay = bind(0);
    try (DatagramSocket peer = PeerDatagrams.open()) {
      PeerDatagrams.send(peer, "first", relay.localAddress());
      PeerDatagrams.send(peer, "second", relay.localAddress());
      Received first = received.poll(5, TimeUnit.SECONDS);
      assertThat(first).isEqualTo(new Received(
          new InetSocketAddress(LOOPBACK, peer.getLocalPort()), ChannelData.HEADER_BYTES, "first"));
      assertThat(received.poll(5, TimeUnit.SECONDS).text()).isEqualTo("second");
    } finally {
      relay.close();
    }
  }

  @Test
  void whatTheAllocationSendsReachesThePeerFromTheRelayedAddress() throws Exception {
    RelaySocket relay = bind(0);
    try (DatagramSocket peer = PeerDatagrams.open()) {
      InetSocketAddress to = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
      // direct (as sliced from a listener read) and heap (as built from a Send indication)
      loop.execute(() -> relay.send(to, Unpooled.directBuffer().writeBytes(bytes("direct"))));
      loop.execute(() -> relay.send(to, Unpooled.wrappedBuffer(bytes("heap"))));
      PeerDatagrams.expect(peer, "direct", relay.localAddress());
      PeerDatagrams.expect(peer, "heap", relay.localAddress());
    } finally {
      relay.close();
    }
  }

  @Test
  void equalDatagramsOfOneTurnArriveWholeAndALongerOneLaterIsNotCutToTheirSize() throws Exception {
    assumeTrue(SegmentRun.enabled(), "UDP GSO needs Linux 4.18+");
    RelaySocket relay = bind(0);
    try (DatagramSocket peer = PeerDatagrams.open()) {
      InetSocketAddress to = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
      loop.submit(() -> {
        for (int i = 0; i < 5; i++) {
          relay.send(to, filled(i, 100)); // one run: one segmented sendto at the end of the turn
        }
      }).sync();
      loop.submit(() -> relay.send(to, filled(5, 300))).sync(); // the socket still segments at 100
      loop.submit(() -> relay.send(to, filled(6, 50))).sync();

      int[] lengths = {100, 100, 100, 100, 100, 300, 50};
      for (int i = 0; i < lengths.length; i++) {
        java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
        peer.receive(packet);
        byte[] expected = new byte[lengths[i]];
        java.util.Arrays.fill(expected, (byte) i);
        assertThat(java.util.Arrays.copyOf(packet.getData(), packet.getLength())).as("datagram %d", i)
            .isEqualTo(expected);
        assertThat(packet.getSocketAddress()).isEqualTo(relay.localAddress());
      }
    } finally {
      relay.close();
    }
  }

  private static ByteBuf filled(int value, int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return Unpooled.directBuffer(length).writeBytes(bytes);
  }

  @Test
  void aTakenPortFailsTheBindAndAClosedSocketGivesItsPortBack() throws Exception {
    RelaySocket relay = bind(0);
    int port = relay.localAddress().getPort();
    Future<RelaySocket> taken = EpollRelaySocket.bind(new InetSocketAddress(LOOPBACK, port), loop,
        ByteBufAllocator.DEFAULT, () -> batch, (peer, data) -> data.release());
    assertThat(taken.awaitUninterruptibly(5, TimeUnit.SECONDS)).isTrue();
    assertThat(taken.isSuccess()).isFalse();

    relay.close();
    RelaySocket again = rebind(port);
    assertThat(again.localAddress().getPort()).isEqualTo(port);
    again.close();
  }

  @Test
  void aHandlerThatClosesItsSocketGetsNothingMoreAndThePortIsFree() throws Exception {
    RelaySocket[] self = new RelaySocket[1];
    Future<RelaySocket> bound = EpollRelaySocket.bind(new InetSocketAddress(LOOPBACK, 0), loop,
        ByteBufAllocator.DEFAULT, () -> batch, (peer, data) -> {
          received.add(new Received(peer, data.readerIndex(), data.toString(StandardCharsets.UTF_8)));
          data.release();
          self[0].close(); // as when the allocation ends while its datagrams are read
        });
    self[0] = bound.syncUninterruptibly().getNow();
    int port = self[0].localAddress().getPort();
    try (DatagramSocket peer = PeerDatagrams.open()) {
      for (int i = 0; i < 3; i++) {
        PeerDatagrams.send(peer, "closing", self[0].localAddress());
      }
    }
    assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
    RelaySocket again = rebind(port);
    assertThat(again).isNotNull();
    again.close();
    assertThat(received).isEmpty();
  }

  private RelaySocket rebind(int port) throws InterruptedException {
    return Rebind.within5Seconds(() -> EpollRelaySocket.bind(new InetSocketAddress(LOOPBACK, port), loop,
        ByteBufAllocator.DEFAULT, () -> batch, (peer, data) -> data.release())).getNow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
