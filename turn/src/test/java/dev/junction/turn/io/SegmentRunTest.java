package dev.junction.turn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.Errors;
import io.netty.util.ReferenceCountUtil;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datagrams coalesced for UDP GSO: equal-length datagrams to one address through one socket make
 * one run, sent as one segmented packet; anything that cannot be the run's next segment (another
 * socket or address, a longer datagram, anything after a shorter last segment, the 65th segment,
 * more than 60,000 bytes) starts the next run, and a datagram too large for any path's MTU goes
 * alone. A run the kernel refuses as one packet goes one by one. Last, the listener's segmented
 * packet through the kernel arrives as the same datagrams.
 */
class SegmentRunTest {

  private static final InetSocketAddress A = new InetSocketAddress("192.0.2.1", 5000);
  private static final InetSocketAddress B = new InetSocketAddress("192.0.2.2", 5000);

  /** What a sink was asked to send: one datagram (segment size 0) or segments. */
  private record Sent(String sink, InetSocketAddress to, int segmentSize, int bytes) {}

  private final List<Sent> sent = new ArrayList<>();
  private final SegmentRun run = new SegmentRun();
  private final SegmentRun.Sink socket1 = sink("socket1");
  private final SegmentRun.Sink socket2 = sink("socket2");

  private SegmentRun.Sink sink(String name) {
    return new SegmentRun.Sink() {
      @Override
      public void sendDatagram(InetSocketAddress to, ByteBuf datagram) {
        sent.add(new Sent(name, to, 0, datagram.readableBytes()));
        datagram.release();
      }

      @Override
      public void sendSegments(InetSocketAddress to, ByteBuf segments, int segmentSize) {
        sent.add(new Sent(name, to, segmentSize, segments.readableBytes()));
        segments.release();
      }
    };
  }

  @BeforeEach
  void segmentingIsAvailable() {
    assumeTrue(SegmentRun.enabled(), "UDP GSO needs epoll and Linux 4.18+");
  }

  @Test
  void equalDatagramsAndAShorterLastOneAreOneRun() {
    add(socket1, A, 100, 100, 100, 40);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 100, 340));
  }

  @Test
  void aLoneDatagramLeavesAsItIs() {
    add(socket1, A, 100);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 0, 100));
  }

  @Test
  void aLongerDatagramStartsTheNextRun() {
    add(socket1, A, 100, 100, 150, 150);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 100, 200), new Sent("socket1", A, 150, 300));
  }

  @Test
  void nothingFollowsTheShorterLastSegment() {
    add(socket1, A, 100, 60, 60);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 100, 160), new Sent("socket1", A, 0, 60));
  }

  @Test
  void anotherAddressOrSocketStartsTheNextRun() {
    add(socket1, A, 80, 80);
    add(socket1, B, 80);
    add(socket2, B, 80, 80);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 80, 160), new Sent("socket1", B, 0, 80),
        new Sent("socket2", B, 80, 160));
  }

  @Test
  void aRunStopsAtSixtyFourSegments() {
    add(socket1, A, IntStream.generate(() -> 50).limit(70).toArray());

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 50, 64 * 50), new Sent("socket1", A, 50, 6 * 50));
  }

  @Test
  void aRunStopsBeforeSixtyThousandBytes() {
    add(socket1, A, IntStream.generate(() -> 1200).limit(51).toArray());

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 1200, 60_000), new Sent("socket1", A, 0, 1200));
  }

  @Test
  void datagramsTooLargeForAnyPathGoOneByOne() {
    add(socket1, A, 100, 1300, 1300);

    assertThat(emitted()).containsExactly(new Sent("socket1", A, 0, 100), new Sent("socket1", A, 0, 1300),
        new Sent("socket1", A, 0, 1300));
  }

  @Test
  void theRunJoinsTheDatagramsInOrder() {
    List<byte[]> joined = new ArrayList<>();
    SegmentRun.Sink keeping = new SegmentRun.Sink() {
      @Override
      public void sendDatagram(InetSocketAddress to, ByteBuf datagram) {
        throw new AssertionError("expected one run");
      }

      @Override
      public void sendSegments(InetSocketAddress to, ByteBuf segments, int segmentSize) {
        byte[] bytes = new byte[segments.readableBytes()];
        segments.readBytes(bytes).release();
        joined.add(bytes);
      }
    };
    run.add(keeping, A, Unpooled.wrappedBuffer(new byte[] {1, 1}));
    run.add(keeping, A, Unpooled.directBuffer().writeBytes(new byte[] {2, 2}));
    run.add(keeping, A, Unpooled.wrappedBuffer(new byte[] {3}));
    run.emit();

    assertThat(joined).containsExactly(new byte[] {1, 1, 2, 2, 3});
  }

  @Test
  void aSegmentTooLargeForTheRouteSendsTheRunOneByOne() {
    assertThat(SegmentRun.refused(new Errors.NativeIoException("sendmsg", -90))).as("EMSGSIZE").isTrue();
    assertThat(SegmentRun.enabled()).as("still segmenting to other addresses").isTrue();
    assertThat(SegmentRun.refused(new Errors.NativeIoException("sendmsg", -111))).as("ECONNREFUSED").isFalse();
    assertThat(SegmentRun.refused(new java.io.IOException("closed"))).isFalse();

    ByteBuf segments = Unpooled.directBuffer().writeBytes(new byte[100 + 100 + 40]);
    SegmentRun.sendOneByOne(socket1, A, segments, 100);

    assertThat(sent).containsExactly(new Sent("socket1", A, 0, 100), new Sent("socket1", A, 0, 100),
        new Sent("socket1", A, 0, 40));
    assertThat(segments.refCnt()).isZero();
  }

  @Test
  void theListenersSegmentedPacketArrivesAsTheSameDatagrams() throws Exception {
    assumeTrue(Epoll.isAvailable());
    MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    UdpClientHandler handler = new UdpClientHandler((link, packet) -> ReferenceCountUtil.release(packet), FlushBatch::new);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(5000);
      Channel listener = new Bootstrap().group(group).channel(EpollDatagramChannel.class).handler(handler)
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
      listener.pipeline().addFirst(new ChannelDuplexHandler() { // sees what the handler writes
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
          written.add(msg.getClass().getSimpleName());
          ctx.write(msg, promise);
        }
      });
      InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
      int[] lengths = {120, 120, 120, 120, 120, 33};
      listener.eventLoop().submit(() -> {
        for (int i = 0; i < lengths.length; i++) {
          run.add(handler, to, filled(i, lengths[i]));
        }
        run.emit();
        listener.flush();
      }).get(5, TimeUnit.SECONDS);

      assertThat(written).containsExactly("SegmentedDatagramPacket");
      for (int i = 0; i < lengths.length; i++) {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        client.receive(packet);
        byte[] expected = new byte[lengths[i]];
        Arrays.fill(expected, (byte) i);
        assertThat(Arrays.copyOf(packet.getData(), packet.getLength())).as("datagram %d", i).isEqualTo(expected);
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private void add(SegmentRun.Sink through, InetSocketAddress to, int... lengths) {
    for (int i = 0; i < lengths.length; i++) {
      run.add(through, to, filled(i, lengths[i]));
    }
  }

  /** What the sinks were asked to send, once the open run is sent too (as at the end of a turn). */
  private List<Sent> emitted() {
    run.emit();
    return sent;
  }

  private static ByteBuf filled(int value, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return Unpooled.directBuffer(length).writeBytes(bytes);
  }
}
