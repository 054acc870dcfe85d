package dev.junction.signaling.apprtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.signaling.SignalingEvents;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rules of AppRTC's room server and Collider, on one table (specs/signaling-anchors.md §3):
 * joins, the mailbox, Collider's queue, the register timeout, the roaming grace, leaving.
 */
class AppRtcRoomsTest {

  private static final AppRtcLimits LIMITS =
      new AppRtcLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 4, 64, 3);

  private long now = 1_000;
  private final Queue<String> ids = new ArrayDeque<>(List.of("11111111", "22222222", "33333333", "44444444"));
  private final AppRtcRooms rooms = new AppRtcRooms(LIMITS, () -> now, ids::remove, SignalingEvents.NONE);

  private void advanceSeconds(long seconds) {
    now += TimeUnit.SECONDS.toNanos(seconds);
  }

  private static String frame(String msg) {
    return ColliderFrames.message(msg);
  }

  /** Alice and Bob in room {@code r}, both registered. */
  private record Call(String alice, String bob, RecordingConnection aliceSocket, RecordingConnection bobSocket) {}

  private Call call() {
    Call call = new Call(rooms.join("r").clientId(), rooms.join("r").clientId(),
        new RecordingConnection(), new RecordingConnection());
    rooms.register("r", call.alice(), call.aliceSocket());
    rooms.register("r", call.bob(), call.bobSocket());
    return call;
  }

  @Test
  void clientIdsAreAlwaysEightDigitsZeroPaddedAsApprtcPyDrawsThem() {
    var ids = AppRtcRooms.randomClientIds();
    // One draw in ten is below 10,000,000 and needs a leading zero: 2,000 draws all but surely meet some.
    List<String> drawn = java.util.stream.Stream.generate(ids).limit(2_000).toList();
    assertThat(drawn).allMatch(id -> id.matches("[0-9]{8}"));
    assertThat(drawn).anyMatch(id -> id.startsWith("0"));
  }

  @Test
  void theFirstClientIsTheInitiatorAndAThirdFindsTheRoomFull() {
    JoinResult first = rooms.join("r");
    JoinResult second = rooms.join("r");
    assertThat(first.result()).isEqualTo(RoomResult.SUCCESS);
    assertThat(first.clientId()).isEqualTo("11111111");
    assertThat(first.initiator()).isTrue();
    assertThat(second.result()).isEqualTo(RoomResult.SUCCESS);
    assertThat(second.initiator()).isFalse();
    assertThat(rooms.join("r").result()).isEqualTo(RoomResult.FULL);
  }

  @Test
  void aDrawnIdAlreadyInTheRoomIsADuplicateClient() {
    AppRtcRooms sameIds = new AppRtcRooms(LIMITS, () -> now, () -> "12345678", SignalingEvents.NONE);
    assertThat(sameIds.join("r").result()).isEqualTo(RoomResult.SUCCESS);
    JoinResult again = sameIds.join("r");
    assertThat(again.result()).isEqualTo(RoomResult.DUPLICATE_CLIENT);
    assertThat(again.clientId()).isNull();
  }

  @Test
  void pastTheRoomLimitAJoinToANewRoomIsAnError() {
    rooms.join("a");
    rooms.join("b");
    rooms.join("c");
    assertThat(rooms.join("d").result()).isEqualTo(RoomResult.ERROR);
    assertThat(rooms.join("a").result()).as("an existing room still takes a second client").isEqualTo(RoomResult.SUCCESS);
  }

  @Test
  void whatTheFirstClientPostsAloneIsHandedToTheSecondOnce() {
    String first = rooms.join("r").clientId();
    assertThat(rooms.message("r", first, "offer")).isEqualTo(RoomResult.SUCCESS);
    assertThat(rooms.message("r", first, "candidate")).isEqualTo(RoomResult.SUCCESS);
    JoinResult second = rooms.join("r");
    assertThat(second.messages()).containsExactly("offer", "candidate");
    rooms.leave("r", second.clientId());
    assertThat(rooms.join("r").messages()).as("the mailbox was emptied").isEmpty();
  }

  @Test
  void messagesToUnknownRoomsAndClientsAreRefused() {
    String first = rooms.join("r").clientId();
    assertThat(rooms.message("nowhere", first, "x")).isEqualTo(RoomResult.UNKNOWN_ROOM);
    assertThat(rooms.message("r", "99999999", "x")).isEqualTo(RoomResult.UNKNOWN_CLIENT);
    assertThat(rooms.send("r", "99999999", "x", null)).isEqualTo(Delivery.UNKNOWN_CLIENT);
    assertThat(rooms.leave("r", "99999999")).isEqualTo(RoomResult.UNKNOWN_CLIENT);
    assertThat(rooms.leave("nowhere", first)).isEqualTo(RoomResult.UNKNOWN_ROOM);
  }

  @Test
  void theMailboxIsBoundedByCountAndLength() {
    String first = rooms.join("r").clientId();
    for (int i = 0; i < 4; i++) {
      assertThat(rooms.message("r", first, "m" + i)).isEqualTo(RoomResult.SUCCESS);
    }
    assertThat(rooms.message("r", first, "m4")).isEqualTo(RoomResult.ERROR);
    String other = rooms.join("s").clientId();
    assertThat(rooms.message("s", other, "x".repeat(65))).as("longer than 64 characters").isEqualTo(RoomResult.ERROR);
  }

  @Test
  void aMessageForARegisteredClientIsDeliveredAtOnce() {
    Call call = call();
    assertThat(rooms.send("r", call.bob(), "answer", call.bobSocket())).isEqualTo(Delivery.DELIVERED);
    assertThat(call.aliceSocket().take()).containsExactly(frame("answer"));
    assertThat(rooms.message("r", call.alice(), "candidate")).isEqualTo(RoomResult.SUCCESS);
    assertThat(call.bobSocket().take()).containsExactly(frame("candidate"));
  }

  @Test
  void messagesForAClientNotYetRegisteredAreFlushedInOrderWhenItRegisters() {
    String alice = rooms.join("r").clientId();
    RecordingConnection aliceSocket = new RecordingConnection();
    rooms.register("r", alice, aliceSocket);
    assertThat(rooms.send("r", alice, "one", aliceSocket)).as("alone: queued").isEqualTo(Delivery.QUEUED);
    String bob = rooms.join("r").clientId();
    assertThat(rooms.message("r", alice, "two")).isEqualTo(RoomResult.SUCCESS);
    assertThat(rooms.send("r", alice, "three", null)).isEqualTo(Delivery.QUEUED);
    RecordingConnection bobSocket = new RecordingConnection();
    assertThat(rooms.register("r", bob, bobSocket)).isTrue();
    assertThat(bobSocket.take()).containsExactly(frame("one"), frame("two"), frame("three"));
    assertThat(rooms.send("r", alice, "four", aliceSocket)).isEqualTo(Delivery.DELIVERED);
    assertThat(bobSocket.take()).containsExactly(frame("four"));
  }

  @Test
  void theQueueIsCappedAndRefusesWhatDoesNotFit() {
    String alice = rooms.join("r").clientId();
    RecordingConnection aliceSocket = new RecordingConnection();
    rooms.register("r", alice, aliceSocket);
    for (int i = 0; i < 4; i++) {
      assertThat(rooms.send("r", alice, "m" + i, aliceSocket)).isEqualTo(Delivery.QUEUED);
    }
    assertThat(rooms.send("r", alice, "m4", aliceSocket)).isEqualTo(Delivery.QUEUE_FULL);
  }

  @Test
  void onlyTheRegisteredSocketSendsAsItsClient() {
    String alice = rooms.join("r").clientId();
    rooms.register("r", alice, new RecordingConnection());
    assertThat(rooms.send("r", alice, "x", new RecordingConnection())).isEqualTo(Delivery.UNKNOWN_CLIENT);
  }

  @Test
  void onlyAClientThatJoinedMayRegister() {
    rooms.join("r");
    assertThat(rooms.register("r", "99999999", new RecordingConnection())).isFalse();
    assertThat(rooms.register("nowhere", "11111111", new RecordingConnection())).isFalse();
    assertThat(rooms.registeredCount()).isZero();
  }

  @Test
  void aClientThatNeverRegistersLosesItsSeatAfterTheRegisterTimeout() {
    String alice = rooms.join("r").clientId();
    RecordingConnection aliceSocket = new RecordingConnection();
    rooms.register("r", alice, aliceSocket);
    rooms.join("r");
    advanceSeconds(9);
    rooms.sweep();
    assertThat(rooms.join("r").result()).isEqualTo(RoomResult.FULL);
    advanceSeconds(1);
    rooms.sweep();
    assertThat(aliceSocket.take()).as("the one left is told").containsExactly(frame("{\"type\":\"bye\"}"));
    JoinResult third = rooms.join("r");
    assertThat(third.result()).isEqualTo(RoomResult.SUCCESS);
    assertThat(third.initiator()).isFalse();
  }

  @Test
  void aRoomWhoseOnlyClientNeverRegistersIsDropped() {
    rooms.join("r");
    advanceSeconds(10);
    rooms.sweep();
    assertThat(rooms.roomCount()).isZero();
  }

  @Test
  void aClientThatReconnectsWithinTheGraceKeepsItsPlaceAndWhatWasSentMeanwhile() {
    Call call = call();

    rooms.unregister("r", call.bob(), call.bobSocket());
    assertThat(rooms.registeredCount()).isEqualTo(1);
    assertThat(rooms.send("r", call.alice(), "while away", call.aliceSocket())).isEqualTo(Delivery.QUEUED);
    advanceSeconds(9);
    rooms.sweep();
    RecordingConnection bobAgain = new RecordingConnection();
    assertThat(rooms.register("r", call.bob(), bobAgain)).isTrue();
    assertThat(bobAgain.take()).containsExactly(frame("while away"));
    advanceSeconds(60);
    rooms.sweep();
    assertThat(rooms.join("r").result()).as("both still there").isEqualTo(RoomResult.FULL);
    assertThat(call.aliceSocket().take()).as("no bye").isEmpty();
  }

  @Test
  void aClientThatDoesNotComeBackWithinTheGraceIsRemoved() {
    Call call = call();
    rooms.unregister("r", call.alice(), call.aliceSocket());
    advanceSeconds(10);
    rooms.sweep();
    assertThat(call.bobSocket().take()).containsExactly(frame("{\"type\":\"bye\"}"));
    assertThat(rooms.register("r", call.alice(), new RecordingConnection())).isFalse();
    // Bob is the initiator now: what he posts waits for the next joiner.
    assertThat(rooms.message("r", call.bob(), "new offer")).isEqualTo(RoomResult.SUCCESS);
    assertThat(rooms.join("r").messages()).containsExactly("new offer");
  }

  @Test
  void aSecondSocketTakesTheClientOverAndTheFirstIsClosed() {
    String alice = rooms.join("r").clientId();
    RecordingConnection before = new RecordingConnection();
    RecordingConnection after = new RecordingConnection();
    rooms.register("r", alice, before);
    assertThat(rooms.register("r", alice, after)).isTrue();
    assertThat(before.closed).isNotNull();
    rooms.unregister("r", alice, before);
    assertThat(rooms.registeredCount()).as("the old socket's close changes nothing").isEqualTo(1);
    assertThat(rooms.send("r", alice, "x", after)).isEqualTo(Delivery.QUEUED);
  }

  @Test
  void leavingTellsTheOtherByeMakesItTheInitiatorAndDropsWhatWasQueuedBetweenThem() {
    String alice = rooms.join("r").clientId();
    String bob = rooms.join("r").clientId();
    RecordingConnection aliceSocket = new RecordingConnection();
    rooms.register("r", alice, aliceSocket);
    rooms.send("r", alice, "for bob", aliceSocket);

    assertThat(rooms.leave("r", bob)).isEqualTo(RoomResult.SUCCESS);
    assertThat(aliceSocket.take()).containsExactly(frame("{\"type\":\"bye\"}"));
    JoinResult carol = rooms.join("r");
    assertThat(carol.initiator()).isFalse();
    RecordingConnection carolSocket = new RecordingConnection();
    rooms.register("r", carol.clientId(), carolSocket);
    assertThat(carolSocket.take()).as("bob's queue is not carol's").isEmpty();

    rooms.leave("r", alice);
    assertThat(aliceSocket.closed.code()).isEqualTo(1000);
    rooms.leave("r", carol.clientId());
    assertThat(rooms.roomCount()).isZero();
    assertThat(rooms.registeredCount()).isZero();
  }
}
