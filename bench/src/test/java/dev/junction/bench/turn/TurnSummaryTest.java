package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TurnSummaryTest {

  @TempDir
  Path dir;

  private static final String STAT = "15053 (java) S 15021 15019 25420 0 -1 4194304 43547 0 0 0 %d %d 0 0 20 0 25 0 461479";

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  /** A lossless relay run of {@code received} messages over {@code seconds}, using {@code ticks} of CPU (half system). */
  private void relay(int round, String server, long received, double seconds, int ticks) throws Exception {
    write("relay-r" + round + "-" + server + ".log", String.format(java.util.Locale.ROOT, """
        1000.000000 6: : Total connect time is 7
        %.6f 15: : start_mclient: tot_send_msgs=%d, tot_recv_msgs=%d
        %.6f 15: : Total lost packets 0 (0.000000%%), total send dropped 0 (0.000000%%)
        """, 1000 + seconds, received, received, 1000 + seconds));
    write("relay-r" + round + "-" + server + ".txt", "stat.before=" + String.format(STAT, 100, 100) + "\n"
        + "stat.after=" + String.format(STAT, 100 + ticks / 2, 100 + ticks / 2) + "\n"
        + "drops.server.before=5\ndrops.server.after=5\ndrops.peer.before=0\ndrops.peer.after=0\n");
  }

  private void binding(int round, String server, double rate, double cpuSeconds) throws Exception {
    write("binding-r" + round + "-" + server + ".txt", "binding.answers=" + (long) (rate * 10) + "\nbinding.rate=" + rate
        + "\nbinding.timeouts=0\nbinding.server_cpu_seconds=" + cpuSeconds
        + "\nbinding.verified_sockets=4\nbinding.sockets=4\nbinding.window=32\n");
  }

  @Test
  void meansRatiosAndGoals() throws Exception {
    write("params.txt", """
        rounds=2
        cores=2
        clk_tck=100
        uc.clients=50
        uc.messages=2000
        uc.length=200
        uc.interval=2
        hold.count=10000
        hold.concurrency=200
        junction.heap=512m
        round.1.first=junction
        round.2.first=coturn
        """);
    // junction: 100k in 5 s and 4 s (20k/s, 25k/s: mean 22.5k/s), 1.0 s CPU each;
    // coturn: 100k in 6 s twice (16.7k/s), 1.2 s CPU each
    relay(1, "junction", 100_000, 5, 100);
    relay(2, "junction", 100_000, 4, 100);
    relay(1, "coturn", 100_000, 6, 120);
    relay(2, "coturn", 100_000, 6, 120);
    binding(1, "junction", 100_000, 0.5);
    binding(2, "junction", 120_000, 0.6);
    binding(1, "coturn", 100_000, 0.5);
    binding(2, "coturn", 100_000, 0.5);
    write("hold-junction.txt", "hold.requested=10000\nhold.allocated=10000\nhold.rate=1300\nhold.heap_used_bytes=104857600\n"
        + "hold.metrics_allocations_created=10000\nhold.server_sockets=10006\n");
    write("hold-junction-rss.txt", "rss.baseline_kib=100000\nrss.gc_kib=200000\n");
    write("hold-junction-baseline.prom", "jvm_memory_used_bytes{area=\"heap\",id=\"old\"} 10485760\n");
    write("hold-junction-gc.prom", "jvm_memory_used_bytes{area=\"heap\",id=\"old\"} 41943040\n"
        + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 999999999\n");

    String text = new TurnSummary(dir).render();

    assertThat(text).contains("junction-turn relayed 22.5k msg/s, coturn 16.7k msg/s: 1.35x; CPU per 100k: 1.00 s vs 1.20 s");
    assertThat(text).contains("throughput 1.35x, CPU per message 0.83x");
    assertThat(text).contains("kernel (system) share of server CPU: junction 50%, coturn 50% (split sampled per tick");
    assertThat(text).contains("relay throughput >= 1.2x coturn at no more CPU per message: MET");
    assertThat(text).contains("answers per second 1.10x");
    assertThat(text).contains("STUN Binding rate >= 1.0x coturn: MET (1.10x)");
    assertThat(text).contains("10000 allocations held with < 512 MiB heap: MET (10000 of 10000 held by a JVM with -Xmx512m; live heap 40.0 MiB)");
    // (40 MiB - 10 MiB) / 10000 allocations
    assertThat(text).contains("3.07 KiB");
    assertThat(text).contains("no gauge; made 10000");
    assertThat(text).contains("zero loss in every run: yes");
  }

  @Test
  void missingRunsAreShownNotInvented() throws Exception {
    write("params.txt", "rounds=1\nuc.clients=50\nuc.messages=2000\nhold.count=10000\n");
    relay(1, "junction", 100_000, 5, 100);

    String text = new TurnSummary(dir).render();

    assertThat(text).contains("relay throughput >= 1.2x coturn at no more CPU per message: n/a");
    assertThat(text).contains("zero loss in every run: NO");
    assertThat(text).contains("round 1 coturn: no run");
    assertThat(text).contains("allocations held with < 512 MiB heap: n/a");
  }
}
