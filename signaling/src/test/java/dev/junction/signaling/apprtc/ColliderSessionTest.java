package dev.junction.signaling.apprtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.SignalingEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Collider's WebSocket commands: register, send, and every way to get them wrong. */
class ColliderSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private long now;
  private final AppRtcDialect dialect = new AppRtcDialect(
      new AppRtcLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 1024, 1 << 20, 100),
      () -> now, AppRtcRooms.randomClientIds(), SignalingEvents.NONE);

  private static String register(String room, String client) {
    return "{\"cmd\":\"register\",\"roomid\":\"" + room + "\",\"clientid\":\"" + client + "\"}";
  }

  private static String errorOf(RecordingConnection socket) throws Exception {
    List<String> sent = socket.take();
    assertThat(sent).hasSize(1);
    JsonNode frame = JSON.readTree(sent.get(0));
    assertThat(frame.get("msg").asText()).isEmpty();
    return frame.get("error").asText();
  }

  @Test
  void registerThenSendReachesTheOtherClientAsAMsgFrame() throws Exception {
    String alice = dialect.join("r").clientId();
    String bob = dialect.join("r").clientId();
    RecordingConnection aliceSocket = new RecordingConnection();
    RecordingConnection bobSocket = new RecordingConnection();
    dialect.open(aliceSocket, (String) null).onText(register("r", alice));
    ClientSession bobSession = dialect.open(bobSocket, (String) null);
    bobSession.onText(register("r", bob));
    bobSession.onText("{\"cmd\":\"send\",\"msg\":\"{\\\"type\\\":\\\"answer\\\"}\"}");
    assertThat(aliceSocket.take()).containsExactly("{\"msg\":\"{\\\"type\\\":\\\"answer\\\"}\",\"error\":\"\"}");
    assertThat(dialect.status().totalSockets()).isEqualTo(2);
    assertThat(dialect.status().openSockets()).isEqualTo(2);
  }

  @Test
  void badJsonAndUnknownCommandsGetAnErrorFrameAndTheSocketStaysOpen() throws Exception {
    RecordingConnection socket = new RecordingConnection();
    ClientSession session = dialect.open(socket, (String) null);
    session.onText("{not json");
    assertThat(errorOf(socket)).startsWith("Invalid JSON");
    session.onText("{\"cmd\":\"dance\"}");
    assertThat(errorOf(socket)).isEqualTo("Invalid message: unexpected 'cmd'");
    session.onText("[1,2]");
    assertThat(errorOf(socket)).startsWith("Invalid JSON");
    assertThat(socket.closed).isNull();
    assertThat(dialect.status().socketErrors()).isEqualTo(3);
  }

  @Test
  void sendBeforeRegisterAndRegisterMistakesAreRefused() throws Exception {
    String alice = dialect.join("r").clientId();
    RecordingConnection socket = new RecordingConnection();
    ClientSession session = dialect.open(socket, (String) null);
    session.onText("{\"cmd\":\"send\",\"msg\":\"x\"}");
    assertThat(errorOf(socket)).isEqualTo("Client not registered");
    session.onText("{\"cmd\":\"register\",\"roomid\":\"r\"}");
    assertThat(errorOf(socket)).isEqualTo("Invalid register request: missing 'clientid' or 'roomid'");
    session.onText(register("r", "../etc"));
    assertThat(errorOf(socket)).isEqualTo("Invalid register request: missing 'clientid' or 'roomid'");
    session.onText(register("r", "99999999"));
    assertThat(errorOf(socket)).startsWith("Unknown client 99999999 in room r");
    session.onText(register("r", alice));
    assertThat(socket.take()).isEmpty();
    session.onText(register("r", alice));
    assertThat(errorOf(socket)).isEqualTo("Duplicated register request");
    session.onText("{\"cmd\":\"send\",\"msg\":\"\"}");
    assertThat(errorOf(socket)).isEqualTo("Invalid send request: missing 'msg'");
    assertThat(socket.closed).isNull();
  }

  @Test
  void aSocketThatDoesNotRegisterWithinTheTimeoutGetsAnErrorAndIsClosed() throws Exception {
    RecordingConnection idle = new RecordingConnection();
    RecordingConnection prompt = new RecordingConnection();
    dialect.open(idle, (String) null);
    dialect.open(prompt, (String) null).onText(register("r", dialect.join("r").clientId()));
    now += TimeUnit.SECONDS.toNanos(9);
    dialect.sweep();
    assertThat(idle.closed).isNull();
    now += TimeUnit.SECONDS.toNanos(1);
    dialect.sweep();
    assertThat(errorOf(idle)).startsWith("Register timeout");
    assertThat(idle.closed.code()).isEqualTo(1008);
    assertThat(prompt.closed).isNull();
  }

  @Test
  void aClosedRegisteredSocketStartsTheRoamingGrace() {
    String alice = dialect.join("r").clientId();
    RecordingConnection socket = new RecordingConnection();
    ClientSession session = dialect.open(socket, (String) null);
    session.onText(register("r", alice));
    session.onClose();
    assertThat(dialect.status().openSockets()).isZero();
    now += TimeUnit.SECONDS.toNanos(5);
    dialect.sweep();
    ClientSession again = dialect.open(new RecordingConnection(), (String) null);
    again.onText(register("r", alice));
    assertThat(dialect.status().openSockets()).isEqualTo(1);
  }
}
