package dev.junction.server.nativev1;

import static dev.junction.server.nativev1.V1Client.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The native protocol v1 on the wire (docs/API.md "Native protocol"): hello and welcome, rooms
 * with a capacity, presence, the polite/impolite roles, relay within a room with the sender
 * stamped, per-peer FIFO, bad input, and the three duplicate-identity policies. Real sockets
 * (the JDK's WebSocket) against a real server.
 */
class NativeProtocolTest {

  private final NativeFixture fixture = new NativeFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void start(String... overrides) {
    fixture.start(overrides);
  }

  private V1Client hello(String identity) throws Exception {
    return fixture.hello(identity);
  }

  private V1Client connect() throws Exception {
    return fixture.connect();
  }

  @Test
  void helloIsWelcomedWithASessionItsSecretAndTheLimitsAsFrameOne() throws Exception {
    start();
    V1Client alice = connect();
    assertThat(alice.subprotocol()).isEqualTo("junction.v1+json");
    alice.send(frame("hello").put("identity", "alice").put("name", "Alice A."));

    JsonNode welcome = alice.welcome();
    assertThat(welcome.get("seq").asLong()).isEqualTo(1);
    assertThat(welcome.get("identity").asText()).isEqualTo("alice");
    assertThat(welcome.get("name").asText()).isEqualTo("Alice A.");
    assertThat(welcome.get("renamed").asBoolean()).isFalse();
    assertThat(welcome.get("session").asText()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(welcome.get("secret").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(welcome.get("resumeGraceSeconds").asDouble()).isEqualTo(15.0);
    assertThat(welcome.get("roomCapacity").asInt()).isEqualTo(6);
    assertThat(welcome.get("ackWindow").asInt()).isEqualTo(256);
    assertThat(welcome.get("lobby").asText()).isEqualTo("lobby");
    // Without auth every client may join any room, send media and data, but is no admin.
    assertThat(welcome.at("/grants/rooms/0").asText()).isEqualTo("*");
    assertThat(welcome.at("/grants/admin").asBoolean()).isFalse();
  }

  @Test
  void aClientThatNamesNoIdentityIsAGuest() throws Exception {
    start();
    V1Client guest = connect();
    guest.send(frame("hello"));
    assertThat(guest.welcome().get("identity").asText()).startsWith("guest-");
  }

  @Test
  void aRoomHoldsSixAndTheSeventhJoinIsRefusedWithRoomFull() throws Exception {
    start();
    List<V1Client> members = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      V1Client member = hello("p" + i);
      assertThat(member.join("call").get("members")).hasSize(i - 1);
      members.add(member);
    }
    V1Client seventh = hello("p7");
    seventh.send(frame("join").put("room", "call").put("id", "j1"));
    JsonNode full = seventh.error("room-full");
    assertThat(full.get("message").asText()).contains("6");
    assertThat(full.get("requestId").asText()).isEqualTo("j1");

    // A seat that frees up can be taken.
    members.get(0).send(frame("leave").put("room", "call"));
    members.get(0).nextOfType("left");
    assertThat(seventh.join("call").get("members")).hasSize(5);
  }

  /**
   * The lobby is where the video chat lists everyone online, so it holds more than a mesh call:
   * its own capacity. It is still a room (roles, relay, room-full), and other rooms keep theirs.
   */
  /**
   * The lobby is where the video chat lists everyone online, so it holds more than a mesh call:
   * its own capacity. It is still a room (roles, relay, room-full), and other rooms keep theirs.
   */
  @Test
  void theLobbyHoldsItsOwnCapacityAndOtherRoomsKeepTheRoomCapacity() throws Exception {
    start("native.lobby.name=hall", "native.lobby.capacity=8", "native.roomCapacity=2");
    V1Client first = connect();
    first.send(frame("hello").put("identity", "p1"));
    assertThat(first.welcome().get("lobby").asText()).as("the welcome names the lobby").isEqualTo("hall");
    assertThat(first.join("hall").get("capacity").asInt()).isEqualTo(8);
    V1Client last = first;
    for (int i = 2; i <= 8; i++) {
      last = hello("p" + i);
      JsonNode joined = last.join("hall");
      assertThat(joined.get("members")).hasSize(i - 1)
          .allSatisfy(member -> assertThat(member.get("role").asText()).isEqualTo("polite"));
    }
    V1Client ninth = hello("p9");
    ninth.send(frame("join").put("room", "hall").put("id", "j9"));
    assertThat(ninth.error("room-full").get("message").asText()).contains("8");

    // Members of the lobby reach each other one to one, as in any room.
    last.send(frame("offer").put("room", "hall").put("to", "p1").set("data", frame("offer")));
    assertThat(first.nextOfType("offer").get("from").asText()).isEqualTo("p8");

    // Any other room holds roomCapacity.
    assertThat(ninth.join("call").get("capacity").asInt()).isEqualTo(2);
    hello("q1").join("call");
    V1Client third = hello("q2");
    third.send(frame("join").put("room", "call").put("id", "j3"));
    assertThat(third.error("room-full").get("message").asText()).contains("2");
  }

  @Test
  void theLaterJoinerIsPoliteTowardEveryEarlierMemberAndTheEarlierOnesAreImpolite() throws Exception {
    start();
    V1Client alice = hello("alice");
    V1Client bob = hello("bob");
    V1Client carol = hello("carol");

    assertThat(alice.join("room").get("members")).isEmpty();
    JsonNode bobJoined = bob.join("room");
    assertThat(bobJoined.at("/members/0/identity").asText()).isEqualTo("alice");
    assertThat(bobJoined.at("/members/0/role").asText()).isEqualTo("polite");
    JsonNode bobArrives = alice.next("peer-joined");
    assertThat(bobArrives.at("/peer/identity").asText()).isEqualTo("bob");
    assertThat(bobArrives.get("role").asText()).isEqualTo("impolite");

    JsonNode carolJoined = carol.join("room");
    assertThat(carolJoined.get("members")).extracting(member -> member.get("identity").asText() + ":"
        + member.get("role").asText()).containsExactly("alice:polite", "bob:polite");
    assertThat(alice.next("peer-joined").get("role").asText()).isEqualTo("impolite");
    assertThat(bob.next("peer-joined").get("role").asText()).isEqualTo("impolite");
  }

  @Test
  void offersAnswersCandidatesAndMessagesAreRelayedWithinTheRoomWithTheSenderStamped() throws Exception {
    start();
    V1Client alice = hello("alice");
    V1Client bob = hello("bob");
    V1Client carol = hello("carol");
    alice.join("room");
    bob.join("room");
    alice.next("peer-joined");

    alice.send(frame("offer").put("room", "room").put("to", "bob").put("from", "carol")
        .set("data", frame("offer").put("sdp", "v=0\r\n")));
    JsonNode offer = bob.next("offer");
    assertThat(offer.get("from").asText()).as("stamped by the server").isEqualTo("alice");
    assertThat(offer.get("room").asText()).isEqualTo("room");
    assertThat(offer.at("/data/sdp").asText()).isEqualTo("v=0\r\n");

    bob.send(frame("answer").put("room", "room").put("to", "alice").set("data", frame("answer")));
    assertThat(alice.next("answer").get("from").asText()).isEqualTo("bob");
    bob.send(frame("candidate").put("room", "room").put("to", "alice").putNull("data"));
    assertThat(alice.next("candidate").get("data").isNull()).isTrue();

    // A message without 'to' goes to every other member; the sender does not get it back.
    carol.join("room");
    alice.next("peer-joined");
    bob.next("peer-joined");
    alice.send(frame("message").put("room", "room").put("data", "hello all"));
    assertThat(bob.next("message").get("data").asText()).isEqualTo("hello all");
    JsonNode toCarol = carol.next("message");
    assertThat(toCarol.get("from").asText()).isEqualTo("alice");
    assertThat(toCarol.has("to")).isFalse();
    alice.expectSilence(200);
  }

  @Test
  void aPeerCannotReachAPeerOutsideItsRooms() throws Exception {
    start();
    V1Client alice = hello("alice");
    V1Client bob = hello("bob");
    alice.join("red");
    bob.join("blue");

    alice.send(frame("offer").put("room", "red").put("to", "bob").put("id", "o1").set("data", frame("offer")));
    assertThat(alice.error("peer-not-in-room").get("requestId").asText()).isEqualTo("o1");
    alice.send(frame("offer").put("room", "blue").put("to", "bob").set("data", frame("offer")));
    alice.error("not-in-room");
    alice.send(frame("message").put("room", "blue").put("data", 1));
    alice.error("not-in-room");
    bob.expectSilence(300);
  }

  @Test
  void messagesFromOnePeerToAnotherArriveInTheOrderTheyWereSent() throws Exception {
    start("signaling.messagesPerSecond=2000", "signaling.messageBurst=2000");
    V1Client[] pair = fixture.pairIn("room");
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    for (int n = 0; n < 500; n++) {
      alice.send(frame("message").put("room", "room").put("to", "bob").put("data", n));
    }
    for (int n = 0; n < 500; n++) {
      assertThat(bob.next("message").get("data").asInt()).isEqualTo(n);
    }
  }

  @Test
  void presenceShowsLeavesAndConnectionsThatDropAsReconnecting() throws Exception {
    start();
    V1Client[] pair = fixture.pairIn("room");
    V1Client alice = pair[0];
    V1Client bob = pair[1];

    bob.abort();
    JsonNode reconnecting = alice.next("peer-state");
    assertThat(reconnecting.get("identity").asText()).isEqualTo("bob");
    assertThat(reconnecting.get("state").asText()).isEqualTo("reconnecting");

    V1Client carol = hello("carol");
    JsonNode joined = carol.join("room");
    assertThat(joined.get("members")).extracting(member -> member.get("identity").asText() + ":"
        + member.get("state").asText()).containsExactly("alice:active", "bob:reconnecting");
    alice.next("peer-joined");
    carol.send(frame("leave").put("room", "room"));
    carol.next("left");
    JsonNode left = alice.next("peer-left");
    assertThat(left.get("identity").asText()).isEqualTo("carol");
    assertThat(left.get("reason").asText()).isEqualTo("left");
  }

  @Test
  void badFramesGetAnErrorAndTheConnectionStaysOpen() throws Exception {
    start();
    V1Client alice = hello("alice");
    alice.sendText("{not json");
    alice.error("bad-json");
    alice.send(frame("teleport"));
    alice.error("unknown-type");
    alice.send(frame("join"));
    alice.error("bad-message");
    alice.send(frame("join").put("room", "bad room!"));
    alice.error("bad-room");
    alice.send(frame("offer").put("room", "r"));
    alice.error("bad-message");
    alice.send(frame("hello").put("identity", "again"));
    alice.error("already-welcomed");
    alice.send(frame("ping").put("id", "p1"));
    assertThat(alice.next("pong").get("requestId").asText()).isEqualTo("p1");
    assertThat(alice.isOpen()).isTrue();
  }

  @Test
  void theFirstFrameMustBeHelloOrResumeAndComeInTime() throws Exception {
    start("native.helloTimeoutSeconds=1");
    V1Client eager = connect();
    eager.send(frame("join").put("room", "r"));
    JsonNode refused = eager.next("error");
    assertThat(refused.get("code").asText()).isEqualTo("hello-required");
    assertThat(refused.has("seq")).as("no session, no seq").isFalse();
    assertThat(eager.closeCode()).isEqualTo(4002);

    V1Client silent = connect();
    assertThat(silent.next("error").get("code").asText()).isEqualTo("hello-timeout");
    assertThat(silent.closeCode()).isEqualTo(4002);

    V1Client badName = connect();
    badName.send(frame("hello").put("identity", "has space"));
    assertThat(badName.next("error").get("code").asText()).isEqualTo("bad-identity");
    assertThat(badName.closeCode()).isEqualTo(4002);
  }

  @Test
  void duplicateIdentityRejectRefusesTheNewcomer() throws Exception {
    start("native.duplicateIdentity=reject");
    V1Client first = hello("alice");
    V1Client second = connect();
    second.send(frame("hello").put("identity", "alice"));
    assertThat(second.next("error").get("code").asText()).isEqualTo("identity-taken");
    assertThat(second.closeCode()).isEqualTo(4009);
    first.send(frame("ping"));
    first.next("pong");
  }

  @Test
  void duplicateIdentityRenameGivesTheFirstFreeSuffix() throws Exception {
    start("native.duplicateIdentity=rename");
    hello("alice");
    V1Client second = connect();
    second.send(frame("hello").put("identity", "alice"));
    JsonNode welcome = second.welcome();
    assertThat(welcome.get("identity").asText()).isEqualTo("alice-2");
    assertThat(welcome.get("renamed").asBoolean()).isTrue();
    V1Client third = connect();
    third.send(frame("hello").put("identity", "alice"));
    assertThat(third.welcome().get("identity").asText()).isEqualTo("alice-3");
  }

  @Test
  void duplicateIdentityReplaceClosesTheOlderSession() throws Exception {
    start("native.duplicateIdentity=replace");
    V1Client bob = hello("bob");
    V1Client older = hello("alice");
    bob.join("room");
    older.join("room");
    bob.next("peer-joined");

    V1Client newer = hello("alice");
    JsonNode goodbye = older.next("goodbye");
    assertThat(goodbye.get("reason").asText()).isEqualTo("replaced");
    assertThat(goodbye.get("resume").asBoolean()).isFalse();
    assertThat(older.closeCode()).isEqualTo(4010);
    JsonNode left = bob.next("peer-left");
    assertThat(left.get("identity").asText()).isEqualTo("alice");
    assertThat(left.get("reason").asText()).isEqualTo("replaced");
    // The newcomer is a new session: it joins afresh, and is polite toward bob.
    assertThat(newer.join("room").at("/members/0/role").asText()).isEqualTo("polite");
  }
}
