package dev.junction.turn.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.turn.RelaySocket;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay sockets of machines without epoll (Java NIO datagram channels): what a peer sends
 * reaches the handler with its sender, what the allocation sends reaches the peer, and a closed
 * socket gives its port back.
 */
class RelayChannelsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final FlushBatch batch = new FlushBatch(); // used on the one loop only
  private final RelayChannels relays = new RelayChannels(NioDatagramChannel.class, () -> batch);
  private final BlockingQueue<String> received = new ArrayBlockingQueue<>(16);

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private RelaySocket bind(int port) {
    var bound = relays.bind(new InetSocketAddress(LOOPBACK, port), loop, (peer, data) -> {
      received.add(peer.getPort() + " " + data.toString(StandardCharsets.UTF_8));
      data.release();
    }).syncUninterruptibly();
    return relays.socket(bound.channel());
  }

  @Test
  void datagramsGoBothWaysBetweenThePeerAndTheRelayedAddress() throws Exception {
    RelaySocket relay = bind(0);
    try (DatagramSocket peer = PeerDatagrams.open()) {
      PeerDatagrams.send(peer, "hello", relay.localAddress());
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(peer.getLocalPort() + " hello");

      InetSocketAddress to = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
      loop.execute(() -> relay.send(to, Unpooled.wrappedBuffer("back".getBytes(StandardCharsets.UTF_8))));
      PeerDatagrams.expect(peer, "back", relay.localAddress());
    } finally {
      relay.close();
    }
  }

  @Test
  void aClosedSocketGivesItsPortBack() throws InterruptedException {
    RelaySocket relay = bind(0);
    int port = relay.localAddress().getPort();
    var taken = relays.bind(new InetSocketAddress(LOOPBACK, port), loop, (peer, data) -> data.release());
    assertThat(taken.awaitUninterruptibly(5, TimeUnit.SECONDS)).isTrue();
    assertThat(taken.isSuccess()).isFalse();
    relay.close();
    var again = Rebind.within5Seconds(() -> relays.bind(new InetSocketAddress(LOOPBACK, port), loop,
        (peer, data) -> data.release()));
    assertThat(again.isSuccess()).isTrue();
    again.channel().close();
  }
}
