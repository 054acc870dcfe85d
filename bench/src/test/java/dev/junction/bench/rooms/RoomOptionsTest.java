package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoomOptionsTest {

  private static RoomOptions parse(String... extra) {
    String[] base = {"--url", "ws://127.0.0.1:9/ws/v1", "--dialect", "native"};
    String[] argv = new String[base.length + extra.length];
    System.arraycopy(base, 0, argv, 0, base.length);
    System.arraycopy(extra, 0, argv, base.length, extra.length);
    return RoomOptions.parse(argv);
  }

  @Test
  void theScenariosAreJoinsRejoinsAndFanout() {
    assertThat(RoomOptions.SCENARIOS).containsExactly("joins", "rejoins", "fanout");
    RoomOptions o = parse("--scenario", "rejoins", "--rooms", "100", "--room-size", "6");
    assertThat(o.scenario()).isEqualTo("rejoins");
    assertThat(o.clients()).isEqualTo(600);
    assertThatThrownBy(() -> parse("--scenario", "leaves"))
        .hasMessage("--scenario must be joins, rejoins or fanout, not leaves");
  }

  @Test
  void upToFiftyWarmUpJoinRamps() {
    assertThat(parse("--scenario", "joins", "--join-warmup", "50").joinWarmup()).isEqualTo(50);
    assertThatThrownBy(() -> parse("--scenario", "joins", "--join-warmup", "51"))
        .hasMessage("--join-warmup must be 0..50 ramps");
  }
}
