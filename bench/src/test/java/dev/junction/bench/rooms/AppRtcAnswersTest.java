package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppRtcAnswersTest {

  /** A join answer as apprtc.py shapes it (and Junction copies): booleans and structures as strings. */
  private static final String JOINED = """
      {"result":"SUCCESS","params":{"room_id":"r1","client_id":"04713562","is_initiator":"true",\
      "messages":[],"wss_url":"ws://127.0.0.1:8080/apprtc/collider/ws",\
      "wss_post_url":"http://127.0.0.1:8080/apprtc/collider","pc_config":"{\\"iceServers\\":[]}"}}""";

  @Test
  void aSuccessfulJoinGivesTheDrawnClientIdAndCollidersUrl() {
    AppRtcAnswers.Seat seat = AppRtcAnswers.join(JOINED);
    assertThat(seat.clientId()).isEqualTo("04713562");
    assertThat(seat.wssUrl()).isEqualTo("ws://127.0.0.1:8080/apprtc/collider/ws");
    assertThat(seat.initiator()).isTrue();
    assertThat(AppRtcAnswers.join(JOINED.replace("\"is_initiator\":\"true\"", "\"is_initiator\":\"false\""))
        .initiator()).isFalse();
  }

  @Test
  void aRefusedJoinNamesTheResult() {
    assertThatThrownBy(() -> AppRtcAnswers.join("{\"result\":\"FULL\",\"params\":{\"messages\":[]}}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FULL");
    assertThatThrownBy(() -> AppRtcAnswers.join("{\"result\":\"SUCCESS\",\"params\":{\"room_id\":\"r1\"}}"))
        .hasMessageContaining("client_id or wss_url");
    assertThatThrownBy(() -> AppRtcAnswers.join("<html>")).hasMessageContaining("not a JSON object: <html>");
  }

  @Test
  void leaveMustSucceed() {
    AppRtcAnswers.leave("{\"result\":\"SUCCESS\"}");
    assertThatThrownBy(() -> AppRtcAnswers.leave("{\"result\":\"UNKNOWN_CLIENT\"}"))
        .hasMessageContaining("UNKNOWN_CLIENT");
  }

  @Test
  void colliderStatusCountsRegisteredSockets() {
    assertThat(AppRtcAnswers.openSockets("{\"upsec\":12.5,\"openws\":7,\"totalws\":9,\"wserrors\":0,\"httperrors\":0}"))
        .isEqualTo(7);
    assertThatThrownBy(() -> AppRtcAnswers.openSockets("{\"upsec\":1}")).hasMessageContaining("openws");
  }
}
