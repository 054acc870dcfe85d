package dev.junction.turn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datagrams to UDP clients coalesced for GSO: equal-length datagrams to one client leave as one
 * segmented packet and arrive as the same datagrams, in order; anything that cannot be one
 * segment of the run (another client, a longer datagram, the 65th segment, a datagram too large
 * for any path's MTU) goes in a packet of its own.
 */
class SegmentRunTest {

  private MultiThreadIoEventLoopGroup group;
  private Channel listener;
  private ChannelHandlerContext context;
  private final List<String> written = Collections.synchronizedList(new ArrayList<>());
  private final SegmentRun run = new SegmentRun();
  private DatagramSocket clientA;
  private DatagramSocket clientB;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Epoll.isAvailable() && SegmentRun.enabled(), "UDP GSO needs epoll and Linux 4.18+");
    group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    listener = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
        .handler(new ChannelInboundHandlerAdapter())
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    listener.pipeline().addFirst(new ChannelDuplexHandler() { // sees every packet written
      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        written.add(msg.getClass().getSimpleName());
        ctx.write(msg, promise);
      }
    });
    context = listener.pipeline().lastContext();
    clientA = client();
    clientB = client();
  }

  private static DatagramSocket client() throws IOException {
    DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(5000);
    socket.setReceiveBufferSize(1 << 20);
    return socket;
  }

  @AfterEach
  void stop() {
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      clientA.close();
      clientB.close();
    }
  }

  @Test
  void equalDatagramsAndAShorterLastOneLeaveAsOneSegmentedPacket() throws Exception {
    send(clientA, 100, 100, 100, 100, 100, 40);

    assertThat(written).containsExactly("SegmentedDatagramPacket");
    expect(clientA, 100, 100, 100, 100, 100, 40);
  }

  @Test
  void aLongerDatagramStartsTheNextRun() throws Exception {
    send(clientA, 100, 100, 150, 150);

    assertThat(written).containsExactly("SegmentedDatagramPacket", "SegmentedDatagramPacket");
    expect(clientA, 100, 100, 150, 150);
  }

  @Test
  void aDatagramAfterTheShorterLastSegmentStartsTheNextRun() throws Exception {
    send(clientA, 100, 60, 60);

    assertThat(written).containsExactly("SegmentedDatagramPacket", "DatagramPacket");
    expect(clientA, 100, 60, 60);
  }

  @Test
  void datagramsToTwoClientsInTurnAreNotCoalesced() throws Exception {
    onLoop(() -> {
      run.add(context, address(clientA), datagram(0, 80));
      run.add(context, address(clientB), datagram(1, 80));
      run.add(context, address(clientA), datagram(2, 80));
      run.add(context, address(clientB), datagram(3, 80));
    });

    assertThat(written).containsExactly("DatagramPacket", "DatagramPacket", "DatagramPacket", "DatagramPacket");
    expectTagged(clientA, 0, 2);
    expectTagged(clientB, 1, 3);
  }

  @Test
  void aRunStopsAtSixtyFourSegments() throws Exception {
    int[] lengths = IntStream.generate(() -> 50).limit(70).toArray();
    send(clientA, lengths);

    assertThat(written).containsExactly("SegmentedDatagramPacket", "SegmentedDatagramPacket");
    expect(clientA, lengths);
  }

  @Test
  void datagramsTooLargeForAnyPathGoOneByOne() throws Exception {
    send(clientA, 1300, 1300);

    assertThat(written).containsExactly("DatagramPacket", "DatagramPacket");
    expect(clientA, 1300, 1300);
  }

  /** Datagrams of these lengths to {@code client} in one turn; datagram i is filled with byte i. */
  private void send(DatagramSocket client, int... lengths) throws Exception {
    onLoop(() -> {
      for (int i = 0; i < lengths.length; i++) {
        run.add(context, address(client), datagram(i, lengths[i]));
      }
    });
  }

  /** Runs {@code body} on the listener's loop, then writes the open run and flushes, as the end of a turn does. */
  private void onLoop(Runnable body) throws Exception {
    listener.eventLoop().submit(() -> {
      body.run();
      run.emit();
      listener.flush();
    }).get(5, TimeUnit.SECONDS);
  }

  private static InetSocketAddress address(DatagramSocket socket) {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private static ByteBuf datagram(int tag, int length) {
    ByteBuf data = Unpooled.directBuffer(length);
    for (int i = 0; i < length; i++) {
      data.writeByte(tag);
    }
    return data;
  }

  private static void expect(DatagramSocket client, int... lengths) throws IOException {
    for (int i = 0; i < lengths.length; i++) {
      byte[] bytes = receive(client);
      assertThat(bytes).as("datagram %d", i).hasSize(lengths[i]);
      for (byte b : bytes) {
        assertThat(b).as("datagram %d", i).isEqualTo((byte) i);
      }
    }
  }

  private static void expectTagged(DatagramSocket client, int... tags) throws IOException {
    for (int tag : tags) {
      assertThat(receive(client)).containsOnly((byte) tag);
    }
  }

  private static byte[] receive(DatagramSocket client) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    client.receive(packet);
    return java.util.Arrays.copyOf(packet.getData(), packet.getLength());
  }
}
