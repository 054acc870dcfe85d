package dev.junction.signaling.nativev1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox numbers frames as it sends them, keeps them until acknowledged, lets at most the ack
 * window out, replays exactly what a resuming client lacks, and bounds and expires waiting
 * relayed messages.
 */
class OutboxTest {

  private final Outbox outbox = new Outbox(3, 2, 1_000);
  private final Outbox.Origin origin = new Outbox.Origin(null, "r", "id");

  @Test
  void framesAreNumberedFromOneAsTheyAreReleasedAndTheAckWindowHoldsTheRest() {
    for (int n = 1; n <= 5; n++) {
      outbox.addServerFrame("{\"type\":\"f" + n + "\"}", 0);
    }
    assertThat(outbox.release()).containsExactly("{\"seq\":1,\"type\":\"f1\"}", "{\"seq\":2,\"type\":\"f2\"}",
        "{\"seq\":3,\"type\":\"f3\"}");
    assertThat(outbox.release()).as("the window is full").isEmpty();
    outbox.ack(2);
    assertThat(outbox.release()).containsExactly("{\"seq\":4,\"type\":\"f4\"}", "{\"seq\":5,\"type\":\"f5\"}");
  }

  @Test
  void aReplayIsEveryFrameAfterTheLastSeenOneAndOnlyPossibleSeqsAreAccepted() {
    for (int n = 1; n <= 3; n++) {
      outbox.addServerFrame("{\"n\":" + n + "}", 0);
    }
    outbox.release();
    outbox.ack(1);
    assertThat(outbox.replayAfter(4)).as("never sent").isEmpty();
    assertThat(outbox.replayAfter(0)).as("frame 1 was acknowledged and dropped").isEmpty();
    assertThat(outbox.replayAfter(1)).hasValue(List.of("{\"seq\":2,\"n\":2}", "{\"seq\":3,\"n\":3}"));
    assertThat(outbox.replayAfter(2)).hasValue(List.of("{\"seq\":3,\"n\":3}"));
    assertThat(outbox.replayAfter(3)).hasValue(List.of());
  }

  @Test
  void aServerFrameMayGoAheadOfWhatWaits() {
    outbox.addServerFrame("{\"n\":2}", 0);
    outbox.addServerFrameFirst("{\"n\":1}", 0);
    assertThat(outbox.release()).containsExactly("{\"seq\":1,\"n\":1}", "{\"seq\":2,\"n\":2}");
  }

  @Test
  void relayedMessagesAreBoundedByCountAndBytesButServerFramesAreNot() {
    assertThat(outbox.offerRelayed("{\"a\":1}", 0, origin)).isTrue();
    assertThat(outbox.offerRelayed("{\"a\":2}", 0, origin)).isTrue();
    assertThat(outbox.offerRelayed("{\"a\":3}", 0, origin)).as("count").isFalse();
    outbox.addServerFrame("{\"s\":1}", 0);
    assertThat(outbox.waitingServerFrames()).isEqualTo(1);

    Outbox small = new Outbox(10, 10, 20);
    assertThat(small.offerRelayed("{\"text\":\"0123456\"}", 0, origin)).isTrue();
    assertThat(small.offerRelayed("{\"x\":1}", 0, origin)).as("bytes").isFalse();
  }

  @Test
  void relayedMessagesOlderThanTheTtlExpireInOrderAndServerFramesStay() {
    outbox.addServerFrame("{\"s\":1}", 0);
    outbox.offerRelayed("{\"a\":1}", 100, origin);
    outbox.offerRelayed("{\"a\":2}", 200, origin);
    assertThat(outbox.expire(250, 100)).extracting(Outbox.Waiting::body).containsExactly("{\"a\":1}");
    assertThat(outbox.expire(300, 100)).extracting(Outbox.Waiting::body).containsExactly("{\"a\":2}");
    assertThat(outbox.release()).containsExactly("{\"seq\":1,\"s\":1}");
    assertThat(outbox.offerRelayed("{\"a\":3}", 0, origin)).as("room again").isTrue();
  }

  @Test
  void waitingBytesAreCountedInUtf8() {
    assertThat(Outbox.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
  }
}
