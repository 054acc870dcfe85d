package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatagramRunsTest {

  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 50001);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 50002);

  /** One run as the output got it: recipient, segment size, and the datagrams' first bytes in order. */
  private record Sent(InetSocketAddress recipient, int segmentSize, int bytes, List<Integer> firstBytes) {}

  private final List<Sent> sent = new ArrayList<>();
  private final List<ByteBuf> buffers = new ArrayList<>();
  private final DatagramRuns.Output output = (recipient, datagrams, segmentSize) -> {
    buffers.add(datagrams);
    List<Integer> firsts = new ArrayList<>();
    for (int at = datagrams.readerIndex(); at < datagrams.writerIndex(); at += segmentSize) {
      firsts.add((int) datagrams.getByte(at));
    }
    sent.add(new Sent(recipient, segmentSize, datagrams.readableBytes(), firsts));
  };

  @AfterEach
  void releaseEverySentBuffer() {
    buffers.forEach(b -> assertThat(b.release()).isTrue());
  }

  private DatagramRuns runs(boolean segment) {
    // unpooled and leak-checked like the rest of the tests; the runs take any allocator
    return new DatagramRuns(UnpooledByteBufAllocator.DEFAULT, segment, output);
  }

  /** A datagram of {@code length} bytes whose first byte is {@code tag}. */
  private static void add(DatagramRuns runs, InetSocketAddress to, int length, int tag) {
    runs.next(to, length).writeByte(tag).writeZero(length - 1);
  }

  @Test
  void equalDatagramsToOneRecipientLeaveAsOneRunWrittenBackToBack() {
    DatagramRuns runs = runs(true);
    for (int i = 0; i < 5; i++) {
      add(runs, A, 204, i);
    }
    assertThat(sent).isEmpty();

    runs.flush();

    assertThat(sent).containsExactly(new Sent(A, 204, 5 * 204, List.of(0, 1, 2, 3, 4)));
  }

  @Test
  void interleavedRecipientsEachKeepTheirRunInTheOrderTheyOpened() {
    DatagramRuns runs = runs(true);
    add(runs, B, 100, 1);
    add(runs, A, 100, 2);
    add(runs, B, 100, 3);
    add(runs, A, 100, 4);
    add(runs, B, 100, 5);

    runs.flush();

    assertThat(sent).containsExactly(new Sent(B, 100, 300, List.of(1, 3, 5)), new Sent(A, 100, 200, List.of(2, 4)));
  }

  @Test
  void aShorterDatagramJoinsAsTheLastSegmentAndEndsTheRun() {
    DatagramRuns runs = runs(true);
    add(runs, A, 200, 1);
    add(runs, A, 200, 2);
    add(runs, A, 50, 3);
    add(runs, A, 50, 4);
    runs.flush();

    // the first run's datagrams are 200, 200 and 50 bytes: the kernel cuts it at 200
    assertThat(sent).containsExactly(new Sent(A, 200, 450, List.of(1, 2, 3)), new Sent(A, 50, 50, List.of(4)));
  }

  @Test
  void aLongerDatagramStartsANewRunAfterSendingTheOpenOne() {
    DatagramRuns runs = runs(true);
    add(runs, A, 100, 1);
    add(runs, A, 100, 2);
    add(runs, A, 300, 3);

    assertThat(sent).containsExactly(new Sent(A, 100, 200, List.of(1, 2)));
    runs.flush();
    assertThat(sent.get(1)).isEqualTo(new Sent(A, 300, 300, List.of(3)));
  }

  @Test
  void aRunHoldsAtMostMaxSegments() {
    DatagramRuns runs = runs(true);
    for (int i = 0; i < DatagramRuns.MAX_SEGMENTS + 1; i++) {
      add(runs, A, 20, i);
    }
    runs.flush();

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).bytes()).isEqualTo(DatagramRuns.MAX_SEGMENTS * 20);
    assertThat(sent.get(1).firstBytes()).containsExactly(DatagramRuns.MAX_SEGMENTS);
  }

  @Test
  void aRunStaysUnderMaxBytes() {
    DatagramRuns runs = runs(true);
    // 1,400-byte datagrams: 45 make 63,000 bytes, a 46th would make 64,400
    for (int i = 0; i < 46; i++) {
      add(runs, A, 1400, i);
    }
    runs.flush();

    assertThat(sent).extracting(Sent::bytes).containsExactly(45 * 1400, 1400);
    assertThat(sent.get(0).bytes()).isLessThanOrEqualTo(DatagramRuns.MAX_BYTES);
  }

  @Test
  void withoutSegmentationEveryDatagramIsARunOfItsOwn() {
    DatagramRuns runs = runs(false);
    add(runs, A, 100, 1);
    add(runs, A, 100, 2);
    add(runs, B, 100, 3);
    runs.flush();

    // a full run is sent at once, so A's first goes before B's
    assertThat(sent).containsExactly(new Sent(A, 100, 100, List.of(1)), new Sent(A, 100, 100, List.of(2)),
        new Sent(B, 100, 100, List.of(3)));
  }

  @Test
  void flushStartsAfresh() {
    DatagramRuns runs = runs(true);
    add(runs, A, 100, 1);
    runs.flush();
    runs.flush();
    add(runs, A, 100, 2);
    runs.flush();

    assertThat(sent).containsExactly(new Sent(A, 100, 100, List.of(1)), new Sent(A, 100, 100, List.of(2)));
  }

  @Test
  void aDatagramWrittenWithTheWrongLengthFailsTheNextCall() {
    DatagramRuns runs = runs(true);
    ByteBuf datagrams = runs.next(A, 100);
    buffers.add(datagrams); // never sent: released here
    datagrams.writeZero(99);

    assertThatThrownBy(runs::flush).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("99 bytes where the run expected 100");
    assertThat(sent).isEmpty();
    assertThatThrownBy(() -> runs.next(B, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length < 1");
  }
}
