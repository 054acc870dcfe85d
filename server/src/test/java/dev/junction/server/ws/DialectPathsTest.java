package dev.junction.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.signaling.SignalingEvents;
import dev.junction.signaling.mdn.MdnDialect;
import dev.junction.signaling.peerjs.PeerJsDialect;
import dev.junction.signaling.peerjs.PeerJsSettings;
import dev.junction.signaling.tutorial.TutorialDialect;
import org.junit.jupiter.api.Test;

class DialectPathsTest {

  private final MdnDialect mdn = new MdnDialect(10, SignalingEvents.NONE);
  private final TutorialDialect tutorial = new TutorialDialect(10, SignalingEvents.NONE);
  private final DialectPaths paths = new DialectPaths()
      .add("/ws/mdn", mdn, "json")
      .add("/ws/tutorial/", tutorial, null);

  @Test
  void theBasePathIsTheLobby() {
    assertThat(paths.match("/ws/mdn")).contains(new DialectRoute(mdn, null, "json"));
    assertThat(paths.match("/ws/tutorial")).contains(new DialectRoute(tutorial, null, null));
    assertThat(paths.match("/ws/mdn/")).contains(new DialectRoute(mdn, null, "json"));
  }

  @Test
  void oneMoreSegmentNamesARoom() {
    assertThat(paths.match("/ws/mdn/team-1")).contains(new DialectRoute(mdn, "team-1", "json"));
    assertThat(paths.match("/ws/tutorial/x/")).contains(new DialectRoute(tutorial, "x", null));
  }

  @Test
  void unknownPathsAndInvalidRoomNamesMatchNothing() {
    assertThat(paths.match("/")).isEmpty();
    assertThat(paths.match("/ws")).isEmpty();
    assertThat(paths.match("/ws/mdn/a/b")).isEmpty();
    assertThat(paths.match("/ws/mdn/bad%20room")).isEmpty();
    assertThat(paths.match("/ws/other/room")).isEmpty();
  }

  @Test
  void aDialectWithoutRoomsIsServedAtItsPathOnly() {
    PeerJsDialect peerJs = new PeerJsDialect(new PeerJsSettings("peerjs", 5000, 60000, 10, 10),
        SignalingEvents.NONE, System::nanoTime);
    DialectPaths withPeerJs = new DialectPaths().addWithoutRooms("/peerjs/peerjs", peerJs);
    assertThat(withPeerJs.match("/peerjs/peerjs")).contains(new DialectRoute(peerJs, null, null));
    assertThat(withPeerJs.match("/peerjs/peerjs/room")).isEmpty();
  }

  @Test
  void twoDialectsCannotShareAPath() {
    assertThatThrownBy(() -> new DialectPaths().add("/ws", mdn, null).add("/ws/", tutorial, null))
        .hasMessageContaining("two dialects on one path");
  }
}
