package dev.junction.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.signaling.SignalingEvents;
import dev.junction.signaling.apprtc.AppRtcDialect;
import dev.junction.signaling.apprtc.AppRtcLimits;
import dev.junction.signaling.apprtc.AppRtcRooms;
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
  void anExactPathHasNoRoomsBelowIt() {
    AppRtcDialect apprtc = new AppRtcDialect(AppRtcLimits.COLLIDER, System::nanoTime,
        AppRtcRooms.randomClientIds(), SignalingEvents.NONE);
    DialectPaths collider = new DialectPaths().addExact("/apprtc/collider/ws", apprtc);
    assertThat(collider.match("/apprtc/collider/ws")).contains(new DialectRoute(apprtc, null, null));
    assertThat(collider.match("/apprtc/collider/ws/")).contains(new DialectRoute(apprtc, null, null));
    assertThat(collider.match("/apprtc/collider/ws/room")).isEmpty();
  }

  @Test
  void twoDialectsCannotShareAPath() {
    assertThatThrownBy(() -> new DialectPaths().add("/ws", mdn, null).add("/ws/", tutorial, null))
        .hasMessageContaining("two dialects on one path");
  }
}
