package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UclientRunTest {

  /** A real run (turnutils_uclient 4.6.1 against Junction), time-stamped by run-turn.sh. */
  static final String LOSSLESS = """
      1795247035.121291 0: : error 437 (Allocation Mismatch)
      1795247035.121405 0: : trying allocate again 437...
      1795247042.587079 7: : Total connect time is 8
      1795247042.691108 7: : start_mclient: msz=50, tot_send_msgs=0, tot_recv_msgs=0, tot_send_bytes ~ 0, tot_recv_bytes ~ 0
      1795247044.091321 9: : start_mclient: msz=50, tot_send_msgs=550, tot_recv_msgs=544, tot_send_bytes ~ 110000, tot_recv_bytes ~ 108800
      1795247050.024041 15: : start_mclient: msz=50, tot_send_msgs=48761, tot_recv_msgs=48741, tot_send_bytes ~ 9752200, tot_recv_bytes ~ 9748200
      1795247050.623580 15: : start_mclient: tot_send_msgs=50000, tot_recv_msgs=50000
      1795247050.623663 15: : start_mclient: tot_send_bytes ~ 10000000, tot_recv_bytes ~ 10000000
      1795247050.623694 15: : Total transmit time is 8
      1795247050.623737 15: : Total lost packets 0 (0.000000%), total send dropped 0 (0.000000%)
      1795247050.623774 15: : Average round trip delay 4.804460 ms; min = 0 ms, max = 148 ms
      """;

  /** After a loss the client waits 10 s for stragglers: the end is where the count stopped growing. */
  static final String LOSSY = """
      1000.000000 6: : Total connect time is 7
      1001.000000 7: : start_mclient: msz=50, tot_send_msgs=0, tot_recv_msgs=0, tot_send_bytes ~ 0, tot_recv_bytes ~ 0
      1002.000000 8: : start_mclient: msz=50, tot_send_msgs=34650, tot_recv_msgs=20042, tot_send_bytes ~ 6930000, tot_recv_bytes ~ 4008400
      1008.000000 14: : start_mclient: msz=50, tot_send_msgs=250000, tot_recv_msgs=113138, tot_send_bytes ~ 50000000, tot_recv_bytes ~ 22627600
      1009.000000 15: : start_mclient: msz=50, tot_send_msgs=250000, tot_recv_msgs=113138, tot_send_bytes ~ 50000000, tot_recv_bytes ~ 22627600
      1019.000000 25: : start_mclient: tot_send_msgs=250000, tot_recv_msgs=113138
      1019.000100 25: : Total transmit time is 19
      1019.000200 25: : Total lost packets 136862 (54.744800%), total send dropped 0 (0.000000%)
      """;

  @Test
  void aLosslessRunEndsWhenTheLastEchoArrived() {
    UclientRun run = UclientRun.parse(LOSSLESS);

    assertThat(run.sent()).isEqualTo(50_000);
    assertThat(run.received()).isEqualTo(50_000);
    assertThat(run.lost()).isZero();
    assertThat(run.clientTransmitSeconds()).isEqualTo(8);
    assertThat(run.seconds()).isCloseTo(1795247050.623580 - 1795247042.587079, within(1e-5));
    assertThat(run.rate()).isCloseTo(50_000 / 8.036501, within(0.1));
    assertThat(run.lossless(50_000)).isTrue();
    assertThat(run.errors()).as("the 437 line; the retry line is not an error").isEqualTo(1);
  }

  @Test
  void aLossyRunEndsWhereTheReceivedCountStoppedGrowing() {
    UclientRun run = UclientRun.parse(LOSSY);

    assertThat(run.received()).isEqualTo(113_138);
    assertThat(run.lost()).isEqualTo(136_862);
    assertThat(run.seconds()).isCloseTo(8.0, within(1e-6));
    assertThat(run.lossless(250_000)).isFalse();
  }

  @Test
  void fewerMessagesThanExpectedIsNotLossless() {
    assertThat(UclientRun.parse(LOSSLESS).lossless(250_000)).isFalse();
  }

  @Test
  void anUnfinishedRunIsRefused() {
    String cut = LOSSLESS.substring(0, LOSSLESS.indexOf("1795247050.623580"));

    assertThatThrownBy(() -> UclientRun.parse(cut)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UclientRun.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
