package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoomsTest {

  private final Rooms<String> rooms = new Rooms<>(NamePolicy.REJECT, 2);

  @Test
  void noRoomNameMeansTheLobby() {
    assertThat(rooms.enter(null, "a")).contains(rooms.lobby());
    assertThat(rooms.enter(Rooms.LOBBY, "b")).contains(rooms.lobby());
    assertThat(rooms.namedRoomCount()).isZero();
  }

  @Test
  void aNamedRoomIsMadeByItsFirstPeerAndDroppedWithItsLast() {
    Room<String> team = rooms.enter("team", "a").orElseThrow();
    assertThat(rooms.enter("team", "b")).contains(team);
    rooms.leave(team, "a");
    assertThat(rooms.namedRoomCount()).isEqualTo(1);
    rooms.leave(team, "b");
    assertThat(rooms.namedRoomCount()).isZero();
    assertThat(rooms.enter("team", "c").orElseThrow()).isNotSameAs(team);
  }

  @Test
  void aNewRoomPastTheLimitIsRefusedButExistingRoomsStillAdmit() {
    rooms.enter("one", "a");
    rooms.enter("two", "b");
    assertThat(rooms.enter("three", "c")).isEmpty();
    assertThat(rooms.enter("one", "d")).isPresent();
  }

  @Test
  void theLobbyIsNeverDropped() {
    rooms.enter(null, "a");
    rooms.leave(rooms.lobby(), "a");
    assertThat(rooms.enter(null, "b")).contains(rooms.lobby());
  }

  @Test
  void invalidRoomNamesAreRefused() {
    assertThatThrownBy(() -> rooms.enter("bad room", "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
