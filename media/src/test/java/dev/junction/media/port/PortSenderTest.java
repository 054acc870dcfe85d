package dev.junction.media.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Writes wait for one flush; when the socket's queue is past its high water mark, packets are dropped. */
class PortSenderTest {

  private static final InetSocketAddress VIEWER = new InetSocketAddress("127.0.0.1", 50_000);

  @Test
  void packetsBeyondTheHighWaterMarkAreDroppedAndCountedInsteadOfQueued() {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1_000, 2_000));
    PortCounters counters = new PortCounters();
    PortSender sender = new PortSender(channel, counters);

    for (int i = 0; i < 4; i++) {
      sender.write(new byte[900], 900, VIEWER); // nothing flushed: the kernel is "not taking more"
    }
    assertThat(counters.datagramsOut()).isEqualTo(3);
    assertThat(counters.sendDropped()).isEqualTo(1);

    sender.flush();
    assertThat(channel.outboundMessages()).hasSize(3);
    sender.write(new byte[900], 900, VIEWER);
    assertThat(counters.datagramsOut()).as("writable again once flushed").isEqualTo(4);
    sender.flush();
    channel.finishAndReleaseAll();
  }
}
