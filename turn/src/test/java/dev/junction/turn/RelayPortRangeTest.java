package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayPortRangeTest {

  @Test
  void handsOutEveryPortOnceThenNothing() {
    RelayPortRange ports = new RelayPortRange(50000, 50009, new Random(1));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      seen.add(ports.acquire(false).orElseThrow());
    }
    assertThat(seen).hasSize(10).allSatisfy(port -> assertThat(port).isBetween(50000, 50009));
    assertThat(ports.acquire(false)).isEqualTo(OptionalInt.empty());
    ports.release(50004);
    assertThat(ports.acquire(false)).hasValue(50004);
  }

  @Test
  void evenRequestsGetEvenPortsAndPairsReserveTheOddNeighbour() {
    RelayPortRange ports = new RelayPortRange(50000, 50003, new Random(2));
    int pair = ports.acquirePair().orElseThrow();
    assertThat(pair % 2).isZero();
    assertThat(ports.acquireExactly(pair + 1)).isFalse();
    assertThat(ports.acquire(true).orElseThrow() % 2).isZero();
    assertThat(ports.acquire(true)).isEmpty();
    assertThat(ports.inUse()).isEqualTo(3);
  }

  @Test
  void startsAtARandomPointSoRelayPortsAreHardToGuess() {
    Set<Integer> firsts = new HashSet<>();
    Random random = new Random(3);
    for (int i = 0; i < 20; i++) {
      firsts.add(new RelayPortRange(49152, 65535, random).acquire(false).orElseThrow());
    }
    assertThat(firsts).hasSizeGreaterThan(15);
  }

  @Test
  void refusesAnImpossibleRange() {
    assertThatThrownBy(() -> new RelayPortRange(60000, 50000, new Random()))
        .hasMessageContaining("1024 <= min <= max <= 65535");
  }
}
