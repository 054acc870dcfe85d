package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void peerNamesMayBeAnyPrintableTextUpTo64Characters() {
    assertThat(Names.peerNameProblem("Zoë 🦊 <b>")).isEmpty();
    assertThat(Names.peerNameProblem("x".repeat(64))).isEmpty();
  }

  @Test
  void emptyLongAndControlCharacterNamesAreRefusedWithTheRule() {
    assertThat(Names.peerNameProblem(null)).contains("a name must not be empty");
    assertThat(Names.peerNameProblem("  ")).contains("a name must not be empty");
    assertThat(Names.peerNameProblem("x".repeat(65))).contains("a name must be at most 64 characters");
    assertThat(Names.peerNameProblem("a\nb")).contains("a name must not contain control characters");
  }

  @Test
  void roomNamesAreUrlSafe() {
    assertThat(Names.isValidRoomName("team-1_a")).isTrue();
    assertThat(Names.isValidRoomName("")).isFalse();
    assertThat(Names.isValidRoomName("a/b")).isFalse();
    assertThat(Names.isValidRoomName("a".repeat(65))).isFalse();
  }
}
