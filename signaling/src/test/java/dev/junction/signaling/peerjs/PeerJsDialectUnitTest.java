package dev.junction.signaling.peerjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.signaling.ClientSession;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The PeerJS dialect's state machine on a hand-driven clock: registration, takeover, stamping,
 * mailboxes and their expiry, liveness. The wire tests over real sockets are in the server module.
 */
class PeerJsDialectUnitTest {

  private static final long EXPIRE_MILLIS = 5_000;
  private static final long ALIVE_MILLIS = 60_000;

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<ErrorKind> errors = new ArrayList<>();
  private final AtomicLong expired = new AtomicLong();
  private final SignalingEvents events = new SignalingEvents() {
    @Override
    public void error(String dialect, ErrorKind kind) {
      errors.add(kind);
    }

    @Override
    public void queuedMessagesExpired(String dialect, int count) {
      expired.addAndGet(count);
    }
  };
  private final PeerJsDialect dialect =
      new PeerJsDialect(new PeerJsSettings("peerjs", EXPIRE_MILLIS, ALIVE_MILLIS, 3, 3), events, nanos::get);

  @Test
  void aPeerWithTheRightKeyIsOpened() {
    RecordingConnection alice = new RecordingConnection();
    connect("alice", "t1", alice);
    assertThat(alice.types()).containsExactly("OPEN");
    assertThat(dialect.peerIds()).containsExactly("alice");
  }

  @Test
  void missingCredentialsWrongKeyAndMalformedIdsAreRefusedWithError() {
    assertRefused(Map.of("id", "a", "token", "t"), PeerJsMessages.NO_CREDENTIALS);
    assertRefused(Map.of("key", "other", "id", "a", "token", "t"), PeerJsMessages.INVALID_KEY);
    assertRefused(Map.of("key", "peerjs", "id", "a b!", "token", "t"), "Invalid id provided");
    assertRefused(Map.of("key", "peerjs", "id", "x".repeat(129), "token", "t"), "Invalid id provided");
    assertRefused(Map.of("key", "peerjs", "id", "a", "token", "with space"), PeerJsMessages.INVALID_TOKEN);
    assertThat(errors).containsOnly(ErrorKind.BAD_CREDENTIALS).hasSize(5);
    assertThat(dialect.peerIds()).isEmpty();
  }

  @Test
  void theSameIdWithAnotherTokenIsTakenAndTheSameTokenTakesTheIdOver() {
    RecordingConnection first = new RecordingConnection();
    ClientSession firstSession = connect("alice", "secret", first);
    first.take();

    RecordingConnection intruder = new RecordingConnection();
    connect("alice", "guess", intruder);
    assertThat(intruder.types()).containsExactly("ID-TAKEN");
    assertThat(intruder.closed()).isNotNull();

    RecordingConnection second = new RecordingConnection();
    connect("alice", "secret", second);
    assertThat(second.types()).as("no second OPEN on takeover").isEmpty();
    assertThat(first.closed().code()).isEqualTo(1000);

    firstSession.onClose(); // the replaced socket's close must not free the id
    assertThat(dialect.peerIds()).containsExactly("alice");
  }

  @Test
  void theServerStampsSrcWhateverTheSenderWrote() {
    RecordingConnection alice = new RecordingConnection();
    RecordingConnection bob = new RecordingConnection();
    ClientSession aliceSession = connect("alice", "t", alice);
    connect("bob", "t", bob);
    bob.take();

    aliceSession.onText("{\"type\":\"OFFER\",\"src\":\"mallory\",\"dst\":\"bob\",\"payload\":{\"sdp\":\"x\"},\"extra\":1}");

    JsonNode offer = bob.take().get(0);
    assertThat(offer.get("src").asText()).isEqualTo("alice");
    assertThat(offer.get("payload").get("sdp").asText()).isEqualTo("x");
    assertThat(offer.has("extra")).as("only the envelope is relayed").isFalse();
  }

  @Test
  void messagesForAnAbsentPeerAreHeldAndDeliveredInOrderAfterOpen() {
    ClientSession alice = connect("alice", "t", new RecordingConnection());
    alice.onText(relay("OFFER", "bob", 1));
    alice.onText(relay("CANDIDATE", "bob", 2));

    RecordingConnection bob = new RecordingConnection();
    connect("bob", "t", bob);

    List<JsonNode> received = bob.take();
    assertThat(received).extracting(m -> m.path("type").asText()).containsExactly("OPEN", "OFFER", "CANDIDATE");
    assertThat(received.get(2).path("payload").path("n").asInt()).isEqualTo(2);
  }

  @Test
  void aMailboxNotPickedUpWithinTheExpireTimeoutIsDroppedAndEachSenderToldOnce() {
    RecordingConnection alice = new RecordingConnection();
    ClientSession aliceSession = connect("alice", "t", alice);
    RecordingConnection carol = new RecordingConnection();
    ClientSession carolSession = connect("carol", "t", carol);
    alice.take();
    carol.take();
    aliceSession.onText(relay("OFFER", "bob", 1));
    aliceSession.onText(relay("CANDIDATE", "bob", 2));
    carolSession.onText(relay("OFFER", "bob", 3));

    advance(EXPIRE_MILLIS - 1);
    dialect.sweep();
    assertThat(alice.take()).as("not yet").isEmpty();

    advance(1);
    dialect.sweep();
    JsonNode expire = alice.take().get(0);
    assertThat(expire.path("type").asText()).isEqualTo("EXPIRE");
    assertThat(expire.path("src").asText()).isEqualTo("bob");
    assertThat(expire.path("dst").asText()).isEqualTo("alice");
    assertThat(carol.types()).containsExactly("EXPIRE");
    assertThat(expired.get()).isEqualTo(3);

    RecordingConnection bob = new RecordingConnection();
    connect("bob", "t", bob);
    assertThat(bob.types()).as("expired messages are gone").containsExactly("OPEN");
  }

  @Test
  void aFullMailboxRefusesTheNextMessageWithExpireAtOnce() {
    RecordingConnection alice = new RecordingConnection();
    ClientSession session = connect("alice", "t", alice);
    alice.take();
    for (int n = 1; n <= 3; n++) {
      session.onText(relay("CANDIDATE", "bob", n));
    }
    assertThat(alice.types()).isEmpty();

    session.onText(relay("CANDIDATE", "bob", 4));
    assertThat(alice.types()).containsExactly("EXPIRE");
    assertThat(errors).containsExactly(ErrorKind.QUEUE_FULL);
  }

  @Test
  void leaveAndExpireForAnAbsentPeerAreNotHeld() {
    ClientSession alice = connect("alice", "t", new RecordingConnection());
    alice.onText(relay("LEAVE", "bob", 1));
    alice.onText(relay("EXPIRE", "bob", 2));
    RecordingConnection bob = new RecordingConnection();
    connect("bob", "t", bob);
    assertThat(bob.types()).containsExactly("OPEN");
  }

  @Test
  void aRecipientWhoseConnectionIsClosingIsDroppedAndTheSenderGetsLeave() {
    RecordingConnection alice = new RecordingConnection();
    ClientSession aliceSession = connect("alice", "t", alice);
    RecordingConnection bob = new RecordingConnection();
    connect("bob", "t", bob);
    alice.take();
    bob.startClosing();

    aliceSession.onText(relay("OFFER", "bob", 1));

    JsonNode leave = alice.take().get(0);
    assertThat(leave.path("type").asText()).isEqualTo("LEAVE");
    assertThat(leave.path("src").asText()).isEqualTo("bob");
    assertThat(dialect.peerIds()).containsExactly("alice");
    assertThat(errors).containsExactly(ErrorKind.PEER_GONE);
  }

  /** Traffic other than HEARTBEAT is no sign of life (peerjs-server's rule). */
  @Test
  void onlyHeartbeatKeepsAPeerRegisteredPastTheAliveTimeout() {
    RecordingConnection quiet = new RecordingConnection();
    ClientSession quietSession = connect("quiet", "t", quiet);
    RecordingConnection beating = new RecordingConnection();
    ClientSession beatingSession = connect("beating", "t", beating);

    advance(ALIVE_MILLIS - 1);
    beatingSession.onText("{\"type\":\"HEARTBEAT\"}");
    quietSession.onText(relay("OFFER", "beating", 1));
    advance(1);
    dialect.sweep();

    assertThat(quiet.closed()).isNotNull();
    assertThat(quiet.closed().code()).isEqualTo(1001);
    assertThat(beating.closed()).isNull();
    assertThat(dialect.peerIds()).containsExactly("beating");
    assertThat(errors).containsExactly(ErrorKind.NO_HEARTBEAT);
  }

  @Test
  void leaveWithoutDstSignsThePeerOff() {
    RecordingConnection alice = new RecordingConnection();
    ClientSession session = connect("alice", "t", alice);
    session.onText("{\"type\":\"LEAVE\"}");
    assertThat(dialect.peerIds()).isEmpty();
    assertThat(alice.closed().code()).isEqualTo(1000);
  }

  @Test
  void malformedMessagesGetErrorAndUnknownTypesAreIgnored() {
    RecordingConnection alice = new RecordingConnection();
    ClientSession session = connect("alice", "t", alice);
    alice.take();
    session.onText("not json");
    session.onText("{\"dst\":\"bob\"}");
    session.onText("{\"type\":\"OFFER\"}");
    session.onText("{\"type\":\"OFFER\",\"dst\":42}");
    session.onText("{\"type\":\"SOMETHING-NEW\",\"dst\":\"bob\"}");

    assertThat(alice.types()).containsExactly("ERROR", "ERROR", "ERROR", "ERROR");
    assertThat(errors).containsExactly(ErrorKind.BAD_JSON, ErrorKind.BAD_MESSAGE, ErrorKind.BAD_MESSAGE,
        ErrorKind.BAD_MESSAGE, ErrorKind.UNKNOWN_TYPE);
    assertThat(alice.closed()).as("the client decides what to do with ERROR").isNull();
  }

  @Test
  void theConcurrentLimitRefusesTheNextPeer() {
    connect("a", "t", new RecordingConnection());
    connect("b", "t", new RecordingConnection());
    connect("c", "t", new RecordingConnection());
    RecordingConnection fourth = new RecordingConnection();
    connect("d", "t", fourth);
    JsonNode error = fourth.take().get(0);
    assertThat(error.path("payload").path("msg").asText()).isEqualTo(PeerJsMessages.LIMIT_REACHED);
    assertThat(fourth.closed().code()).isEqualTo(1013);
  }

  @Test
  void newIdsAreFreshUuids() {
    String id = dialect.newId();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(dialect.newId()).isNotEqualTo(id);
  }

  // --- helpers ----------------------------------------------------------------------------

  private ClientSession connect(String id, String token, RecordingConnection connection) {
    return dialect.open(connection, null, Map.of("key", "peerjs", "id", id, "token", token));
  }

  private void assertRefused(Map<String, String> query, String text) {
    RecordingConnection connection = new RecordingConnection();
    assertThat(dialect.open(connection, null, query)).isSameAs(ClientSession.CLOSED);
    JsonNode error = connection.take().get(0);
    assertThat(error.path("type").asText()).isEqualTo("ERROR");
    assertThat(error.path("payload").path("msg").asText()).startsWith(text);
    assertThat(connection.closed().code()).isEqualTo(1008);
  }

  private static String relay(String type, String dst, int n) {
    return "{\"type\":\"" + type + "\",\"dst\":\"" + dst + "\",\"payload\":{\"n\":" + n + "}}";
  }

  private void advance(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
