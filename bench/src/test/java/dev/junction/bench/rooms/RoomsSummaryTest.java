package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomsSummaryTest {

  private static ResultLine fanout(double rate, double p99, boolean ok) {
    return ResultLine.parse("RESULT label=x scenario=fanout ok=" + ok + " seconds=20 delivered=" + (long) (rate * 20)
        + " msg_per_s=" + rate + " p50_ms=1.000 p99_ms=" + p99 + " errors=0 disconnects=0 malformed=0 misrouted=1"
        + " join_failures=0 server_cpu_s=10.00 client_cpu_s=9.00 other_cores=0.40 irq_cores=0.10");
  }

  private static ResultLine rejoins(double rate, boolean ok) {
    return ResultLine.parse("RESULT label=x scenario=rejoins ok=" + ok + " rooms=100 room_size=6 clients=600 seconds=20"
        + " join_failures=0 joined=" + (long) (rate * 20) + " joins_per_s=" + rate + " p50_ms=0.500 p99_ms=2.000"
        + " max_ms=9.000 errors=1 disconnects=0 stalled=2 server_cpu_s=16.00 client_cpu_s=12.00 other_cores=0.00"
        + " irq_cores=0.05");
  }

  private static void save(Path dir, String name, ResultLine result) throws Exception {
    Files.writeString(dir.resolve(name + ".txt"), "[x] progress\n" + "RESULT " + String.join(" ",
        result.fields().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + "\n");
  }

  @Test
  void aResultLineIsKeyValuePairsAndTheLastOneInTheOutputCounts() {
    ResultLine r = ResultLine.lastIn("[x] ramp ...\nRESULT label=a ok=false\nRESULT label=b ok=true joins_per_s=12\n");
    assertThat(r.string("label")).isEqualTo("b");
    assertThat(r.ok()).isTrue();
    assertThat(r.number("joins_per_s")).isEqualTo(12);
    assertThat(r.number("absent")).isNaN();
    assertThat(ResultLine.lastIn("the server died\n")).isNull();
    assertThatThrownBy(() -> ResultLine.parse("RESULT ok")).hasMessageContaining("not key=value");
  }

  @Test
  void theMeanSkipsRunsWithoutAResult() {
    List<RoomsSummary.Run> runs = List.of(
        new RoomsSummary.Run(1, "junction", fanout(30_000, 2, true)),
        new RoomsSummary.Run(2, "junction", fanout(50_000, 4, true)),
        new RoomsSummary.Run(3, "junction", fanout(1, 1, false)),
        new RoomsSummary.Run(4, "junction", null),
        new RoomsSummary.Run(1, "node", fanout(20_000, 8, true)));
    assertThat(RoomsSummary.mean(runs, "junction", "msg_per_s")).isEqualTo(40_000);
    assertThat(RoomsSummary.mean(runs, "junction", "p99_ms")).isEqualTo(3);
    assertThat(RoomsSummary.mean(runs, "node", "msg_per_s")).isEqualTo(20_000);
    assertThat(RoomsSummary.mean(runs.subList(2, 4), "junction", "msg_per_s")).isNaN();
  }

  @Test
  void theGoalIsTwiceThePeersThroughput() {
    assertThat(RoomsSummary.goal(2.0)).isEqualTo("MET");
    assertThat(RoomsSummary.goal(1.99)).isEqualTo("MISSED");
    assertThat(RoomsSummary.goal(Double.NaN)).startsWith("n/a");
  }

  @Test
  void aRowShowsRateCpuOtherProgramsAndProblems() {
    RoomsSummary.Measure m = RoomsSummary.Measure.of("fanout");
    String row = RoomsSummary.row(new RoomsSummary.Run(2, "node", fanout(20_000, 8, true)), m);
    // 400k delivered over 10 server CPU-seconds in 20 s: 0.50 cores, 40k per CPU-second; one misrouted
    assertThat(row).matches("2\\s+node\\s+20\\.0k\\s+1\\.00\\s+8\\.00\\s+0\\.50\\s+40\\.0k\\s+0\\.40\\s+0\\.10 1");
    assertThat(RoomsSummary.row(new RoomsSummary.Run(1, "junction", null), m)).endsWith("no result (no RESULT line)");
    assertThat(RoomsSummary.row(new RoomsSummary.Run(1, "junction",
        ResultLine.parse("RESULT label=x ok=false reason=server_died")), m)).endsWith("no result (server_died)");
  }

  @Test
  void aRejoinsRowCountsJoinsPerCpuSecondAndStalledRejoinsAsProblems() {
    RoomsSummary.Measure m = RoomsSummary.Measure.of("rejoins");
    assertThat(m.rateName()).isEqualTo("joins/s");
    String row = RoomsSummary.row(new RoomsSummary.Run(1, "junction", rejoins(10_000, true)), m);
    // 200k joins over 16 server CPU-seconds in 20 s: 0.80 cores, 12.5k per CPU-second; one error, two stalled
    assertThat(row).matches("1\\s+junction\\s+10\\.0k\\s+0\\.50\\s+2\\.00\\s+0\\.80\\s+12\\.5k\\s+0\\.00\\s+0\\.05 3");
    assertThatThrownBy(() -> RoomsSummary.Measure.of("leaves")).hasMessageContaining("[joins, rejoins, fanout]");
  }

  @Test
  void theSummaryListsEveryRoundInTheOrderRunAndTheRatiosOfTheMeans(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("params.txt"),
        "rounds=2\ncomparisons=apprtc\nscenarios=fanout\nroom_size.apprtc=2\npeer.apprtc=node-apprtc\nfirst.1=node\n"
            + "first.2=junction\n");
    String[] servers = {"junction", "node"};
    double[][] rates = {{30_000, 50_000}, {20_000, 20_000}};
    for (int s = 0; s < 2; s++) {
      for (int r = 1; r <= 2; r++) save(dir, "apprtc-fanout-r" + r + "-" + servers[s], fanout(rates[s][r - 1], 2 + s, true));
    }
    String text = new RoomsSummary(dir).render();
    assertThat(text).contains("apprtc fanout, rooms of 2: junction vs node-apprtc, 2 round(s)");
    // round 1 ran the peer first, round 2 Junction first
    assertThat(text.indexOf("1     node")).isLessThan(text.indexOf("1     junction"));
    assertThat(text.indexOf("2     junction")).isLessThan(text.indexOf("2     node"));
    assertThat(text).contains("apprtc fanout: junction 40.0k msg/s p99 2.00 ms | node-apprtc 20.0k msg/s p99 3.00 ms"
        + " | throughput 2.00x, p99 0.67x of the peer; goal >= 2x: MET");
    // the joins and rejoins were not run: no section for them
    assertThat(text).doesNotContain("apprtc joins").doesNotContain("apprtc rejoins").doesNotContain("n/a");
  }

  @Test
  void aScenarioThatRanButHasNoResultShowsWhyAndNoRatio(@TempDir Path dir) throws Exception {
    // saved before each comparison named its peer: the peer is rooms.js
    Files.writeString(dir.resolve("params.txt"),
        "rounds=1\ncomparisons=native\nscenarios=rejoins\nroom_size.native=6\nfirst.1=node\n");
    save(dir, "native-rejoins-r1-node", rejoins(8_000, true));
    Files.writeString(dir.resolve("native-rejoins-r1-junction.txt"), "RESULT label=x ok=false reason=server_died\n");
    String text = new RoomsSummary(dir).render();
    assertThat(text).contains("native rejoins, rooms of 6: junction vs node-rooms, 1 round(s)")
        .contains("1     junction  no result (server_died)")
        .contains("native rejoins: junction n/a joins/s p99 n/a ms | node-rooms 8.0k joins/s p99 2.00 ms")
        .contains("goal >= 2x: n/a");
  }
}
