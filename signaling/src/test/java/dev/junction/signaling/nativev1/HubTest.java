package dev.junction.signaling.nativev1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.Handshake;
import dev.junction.signaling.SignalingEvents;
import dev.junction.signaling.peerjs.RecordingConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The native protocol's state on a hand-driven clock, through the dialect as the transport drives
 * it: hello timeouts, grace windows, TTLs, a resume that takes over a connection the server still
 * thinks open, and a client that stops acknowledging. The wire tests are in the server module.
 */
class HubTest {

  private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
  private NativeDialect dialect = dialect(DuplicateIdentityPolicy.REPLACE, 10);

  private NativeDialect dialect(DuplicateIdentityPolicy policy, int queueMax) {
    NativeSettings settings = new NativeSettings(2, 2, 10, 15_000, 10_000, 4, queueMax, 10_000, 30_000, policy, false,
        new NativeSettings.Lobby("lobby", 3));
    JwtVerifier verifier = new JwtVerifier(List.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
        List.of(), "", "", System::currentTimeMillis);
    return new NativeDialect(settings, verifier, SignalingEvents.NONE, nanos::get);
  }

  private record Client(RecordingConnection connection, ClientSession session) {
    void send(String text) {
      session.onText(text);
    }
  }

  private Client connect() {
    RecordingConnection connection = new RecordingConnection();
    return new Client(connection, dialect.open(connection, new Handshake(null, Map.of(), Map.of())));
  }

  private Client hello(String identity) {
    Client client = connect();
    client.send("{\"type\":\"hello\",\"identity\":\"" + identity + "\"}");
    return client;
  }

  private static void joinR(Client... clients) {
    for (Client client : clients) {
      client.send("{\"type\":\"join\",\"room\":\"r\"}");
    }
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    dialect.hub().sweep();
  }

  private static JsonNode only(RecordingConnection connection) {
    List<JsonNode> frames = connection.take();
    assertThat(frames).hasSize(1);
    return frames.get(0);
  }

  @Test
  void aConnectionThatSaysNothingIsClosedAtTheHelloTimeout() {
    Client silent = connect();
    advanceMillis(9_999);
    assertThat(silent.connection().closed()).isNull();
    advanceMillis(1);
    assertThat(only(silent.connection()).get("code").asText()).isEqualTo("hello-timeout");
    assertThat(silent.connection().closed().code()).isEqualTo(4002);
  }

  @Test
  void aDroppedSessionWaitsOutItsGraceWindowThenItsRoomsAreTold() {
    Client alice = hello("alice");
    Client bob = hello("bob");
    joinR(alice, bob);
    alice.connection().take();
    bob.session().onClose();
    assertThat(only(alice.connection()).get("state").asText()).isEqualTo("reconnecting");
    alice.send("{\"type\":\"ack\",\"ack\":4}");
    advanceMillis(14_999);
    assertThat(alice.connection().take()).isEmpty();
    assertThat(dialect.hub().peer("bob")).hasValueSatisfying(view -> assertThat(view.state()).isEqualTo("reconnecting"));
    advanceMillis(1);
    assertThat(only(alice.connection()).get("reason").asText()).isEqualTo("timeout");
    assertThat(dialect.hub().peer("bob")).isEmpty();
  }

  @Test
  void aResumeTakesOverAConnectionTheServerStillThinksOpen() {
    Client bob = hello("bob");
    JsonNode welcome = only(bob.connection());
    // The network died but no close reached the server: the old connection is still attached.
    Client again = connect();
    again.send("{\"type\":\"resume\",\"session\":\"" + welcome.get("session").asText() + "\",\"secret\":\""
        + welcome.get("secret").asText() + "\",\"lastSeq\":0}");
    List<JsonNode> old = bob.connection().take();
    assertThat(old).extracting(frame -> frame.get("type").asText()).containsExactly("goodbye");
    assertThat(old.get(0).get("reason").asText()).isEqualTo("resumed-elsewhere");
    assertThat(bob.connection().closed().code()).isEqualTo(4013);
    List<JsonNode> replay = again.connection().take();
    assertThat(replay).extracting(frame -> frame.get("type").asText() + frame.get("seq"))
        .containsExactly("welcome1", "resumed2");
    // The old connection's late frames and close change nothing.
    bob.send("{\"type\":\"join\",\"room\":\"r\"}");
    bob.session().onClose();
    assertThat(dialect.hub().peer("bob")).hasValueSatisfying(view -> assertThat(view.rooms()).isEmpty());
    assertThat(dialect.hub().peer("bob").get().state()).isEqualTo("active");
  }

  @Test
  void aClientThatStopsAcknowledgingIsHeldAtTheWindowAndEndedWhenServerFramesPileUp() {
    dialect = dialect(DuplicateIdentityPolicy.REPLACE, 3);
    Client alice = hello("alice");
    for (int n = 0; n < 3; n++) {
      alice.send("{\"type\":\"ping\"}");
    }
    assertThat(alice.connection().take()).hasSize(4); // the welcome and three pongs fill the window of 4
    for (int n = 0; n < 3; n++) {
      alice.send("{\"type\":\"ping\"}");
    }
    assertThat(alice.connection().take()).isEmpty();
    alice.send("{\"type\":\"ack\",\"ack\":2}");
    assertThat(alice.connection().take()).extracting(frame -> frame.get("seq").asLong()).containsExactly(5L, 6L);
    alice.send("{\"type\":\"ping\"}");
    alice.send("{\"type\":\"ping\"}");
    alice.send("{\"type\":\"ping\"}");
    assertThat(alice.connection().take()).extracting(frame -> frame.get("type").asText()).containsExactly("goodbye");
    assertThat(alice.connection().closed().code()).isEqualTo(4008);
    assertThat(dialect.hub().peer("alice")).isEmpty();
  }

  @Test
  void aRoomRefusesTheJoinPastItsCapacityAndAPeerPastItsRoomLimit() {
    Client alice = hello("alice");
    hello("bob").send("{\"type\":\"join\",\"room\":\"r\"}");
    hello("carol").send("{\"type\":\"join\",\"room\":\"r\"}");
    alice.connection().take();
    alice.send("{\"type\":\"join\",\"room\":\"r\",\"id\":\"j\"}");
    JsonNode full = only(alice.connection());
    assertThat(full.get("code").asText()).isEqualTo("room-full");
    assertThat(full.get("requestId").asText()).isEqualTo("j");
    alice.send("{\"type\":\"ack\",\"ack\":2}");
    alice.send("{\"type\":\"join\",\"room\":\"a\"}");
    alice.send("{\"type\":\"join\",\"room\":\"b\"}");
    alice.send("{\"type\":\"join\",\"room\":\"c\"}");
    assertThat(alice.connection().take()).extracting(frame -> frame.get("type").asText() + ":"
        + frame.path("code").asText()).containsExactly("joined:", "joined:", "error:too-many-rooms");
  }

  @Test
  void aSenderWhoseSessionEndedIsNotToldOfExpiries() {
    Client alice = hello("alice");
    Client bob = hello("bob");
    joinR(alice, bob);
    bob.session().onClose();
    alice.send("{\"type\":\"message\",\"room\":\"r\",\"to\":\"bob\",\"data\":1}");
    alice.send("{\"type\":\"bye\"}");
    alice.connection().take();
    advanceMillis(30_000);
    assertThat(alice.connection().take()).isEmpty();
    assertThat(dialect.hub().rooms()).isEmpty();
  }
}
