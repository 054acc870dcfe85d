package dev.junction.server.nativev1;

import static dev.junction.server.nativev1.V1Client.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resume and the offline queue: a client whose connection drops resumes its session within the
 * grace window and gets every frame it missed, in order, exactly once (its frames stay numbered
 * 1, 2, 3, … across connections: {@link V1Client} checks each); after the window the session is
 * gone; messages that cannot be delivered expire and their senders are told.
 */
class NativeResumeTest {

  private static final int MESSAGES = 1_000;
  private static final String FAST = "signaling.messagesPerSecond=5000";
  private static final String FAST_BURST = "signaling.messageBurst=5000";

  private final NativeFixture fixture = new NativeFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private V1Client[] pair() throws Exception {
    return fixture.pairIn("r");
  }

  /** alice sending bob the numbered messages, and what bob has read so far. */
  private record Exchange(V1Client alice, V1Client bob, CompletableFuture<Void> sending, List<Integer> received) {}

  /**
   * Starts a server, has alice send bob the messages 0 … {@value #MESSAGES} - 1 on another thread,
   * and returns once bob has read the first {@code count}.
   */
  private Exchange exchangeUntil(int count) throws Exception {
    fixture.start(FAST, FAST_BURST, "native.queue.maxMessages=2000");
    V1Client[] pair = pair();
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      for (int n = 0; n < MESSAGES; n++) {
        pair[0].send(frame("message").put("room", "r").put("to", "bob").put("data", n));
      }
    });
    List<Integer> received = new ArrayList<>();
    while (received.size() < count) {
      received.add(pair[1].next("message").get("data").asInt());
    }
    return new Exchange(pair[0], pair[1], sending, received);
  }

  /** Starts a server, drops bob's connection, and has alice send him the messages m1, m2, m3. */
  private V1Client[] threeMessagesForAbsentBob(String... overrides) throws Exception {
    fixture.start(overrides);
    V1Client[] pair = pair();
    pair[1].abort();
    pair[0].next("peer-state");
    for (int n = 1; n <= 3; n++) {
      pair[0].send(frame("message").put("room", "r").put("to", "bob").put("id", "m" + n).put("data", n));
    }
    return pair;
  }

  @Test
  void aThousandNumberedMessagesArriveExactlyOnceInOrderAcrossADroppedConnection() throws Exception {
    Exchange exchange = exchangeUntil(300);
    V1Client alice = exchange.alice();
    V1Client bob = exchange.bob();
    List<Integer> received = exchange.received();
    bob.abort(); // the network is gone mid-exchange: frames in flight are lost with the socket

    V1Client resumed = fixture.track(bob.resume());
    boolean sawResumed = false;
    while (received.size() < MESSAGES) {
      JsonNode frame = resumed.next();
      if (frame.get("type").asText().equals("resumed")) {
        assertThat(sawResumed).isFalse();
        sawResumed = true;
        assertThat(frame.get("identity").asText()).isEqualTo("bob");
      } else {
        assertThat(frame.get("type").asText()).isEqualTo("message");
        received.add(frame.get("data").asInt());
      }
    }
    exchange.sending().get(10, TimeUnit.SECONDS);
    assertThat(sawResumed).isTrue();
    List<Integer> expected = new ArrayList<>();
    for (int n = 0; n < MESSAGES; n++) {
      expected.add(n);
    }
    assertThat(received).isEqualTo(expected);
    resumed.expectSilence(300);

    // Alice saw bob reconnecting, then active again; he kept his identity and room.
    assertThat(alice.nextOfType("peer-state").get("state").asText()).isEqualTo("reconnecting");
    assertThat(alice.nextOfType("peer-state").get("state").asText()).isEqualTo("active");
    resumed.send(frame("message").put("room", "r").put("to", "alice").put("data", "back"));
    assertThat(alice.nextOfType("message").get("from").asText()).isEqualTo("bob");
    assertThat(metrics()).containsPattern("junction_signaling_sessions_resumed_total\\{dialect=\"native\"} 1");
  }

  @Test
  void theServerCanAskAClientToReconnectMidExchangeAndItResumesWithoutLoss() throws Exception {
    Exchange exchange = exchangeUntil(200);
    V1Client alice = exchange.alice();
    V1Client bob = exchange.bob();
    List<Integer> received = exchange.received();
    HttpResponse<String> reconnect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.port() + "/api/v1/peers/bob/reconnect"))
        .header("Authorization", "Bearer " + TestTokens.admin()).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reconnect.statusCode()).isEqualTo(202);
    JsonNode goodbye;
    do {
      goodbye = bob.next();
      if (goodbye.get("type").asText().equals("message")) {
        received.add(goodbye.get("data").asInt());
      }
    } while (!goodbye.get("type").asText().equals("goodbye"));
    assertThat(goodbye.get("reason").asText()).isEqualTo("reconnect");
    assertThat(goodbye.get("resume").asBoolean()).isTrue();
    assertThat(goodbye.has("seq")).as("goodbye is about the connection: never replayed").isFalse();
    assertThat(bob.closeCode()).isEqualTo(4012);

    V1Client resumed = fixture.track(bob.resume());
    while (received.size() < MESSAGES) {
      JsonNode frame = resumed.next();
      if (frame.get("type").asText().equals("message")) {
        received.add(frame.get("data").asInt());
      }
    }
    exchange.sending().get(10, TimeUnit.SECONDS);
    for (int n = 0; n < MESSAGES; n++) {
      assertThat(received.get(n)).isEqualTo(n);
    }
  }

  @Test
  void afterTheGraceWindowThePeerIsGoneItsWaitingMessagesExpireAndItCannotResume() throws Exception {
    fixture.start("native.resumeGraceSeconds=1");
    V1Client[] pair = pair();
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    bob.abort();
    assertThat(alice.next("peer-state").get("state").asText()).isEqualTo("reconnecting");
    alice.send(frame("message").put("room", "r").put("to", "bob").put("id", "m1").put("data", "are you there?"));

    JsonNode first = alice.next();
    JsonNode second = alice.next();
    JsonNode left = first.get("type").asText().equals("peer-left") ? first : second;
    JsonNode expired = left == first ? second : first;
    assertThat(left.get("identity").asText()).isEqualTo("bob");
    assertThat(left.get("reason").asText()).isEqualTo("timeout");
    assertThat(expired.get("type").asText()).isEqualTo("expired");
    assertThat(expired.get("to").asText()).isEqualTo("bob");
    assertThat(expired.get("reason").asText()).isEqualTo("peer-left");
    assertThat(expired.get("count").asInt()).isEqualTo(1);
    assertThat(expired.get("ids").get(0).asText()).isEqualTo("m1");

    V1Client late = fixture.track(bob.resume());
    assertThat(late.next("error").get("code").asText()).isEqualTo("resume-failed");
    assertThat(late.closeCode()).isEqualTo(4004);
  }

  @Test
  void messagesForAnAbsentPeerExpireAfterTheTtlAndTheSenderIsToldWhichOnes() throws Exception {
    V1Client[] pair = threeMessagesForAbsentBob("native.queue.ttlSeconds=1", "native.resumeGraceSeconds=30");
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    JsonNode expired = alice.next("expired");
    assertThat(expired.get("reason").asText()).isEqualTo("ttl");
    assertThat(expired.get("count").asInt()).isEqualTo(3);
    assertThat(expired.get("ids")).extracting(JsonNode::asText).containsExactly("m1", "m2", "m3");

    // Bob comes back within the grace window: his session is there, the expired messages are not.
    V1Client resumed = fixture.track(bob.resume());
    resumed.next("resumed");
    resumed.expectSilence(300);
    assertThat(metrics()).containsPattern("junction_signaling_messages_expired_total\\{dialect=\"native\"} 3");
  }

  @Test
  void aFullQueueRefusesTheNextMessageAtOnceAndKeepsTheOthersForTheResume() throws Exception {
    V1Client[] pair = threeMessagesForAbsentBob("native.queue.maxMessages=2");
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    JsonNode expired = alice.next("expired");
    assertThat(expired.get("reason").asText()).isEqualTo("queue-full");
    assertThat(expired.get("ids")).extracting(JsonNode::asText).containsExactly("m3");

    V1Client resumed = fixture.track(bob.resume());
    resumed.next("resumed");
    assertThat(resumed.next("message").get("data").asInt()).isEqualTo(1);
    assertThat(resumed.next("message").get("data").asInt()).isEqualTo(2);
  }

  @Test
  void aResumeWithTheWrongSecretIsRefusedAndTheSessionStillWaitsForItsOwner() throws Exception {
    fixture.start();
    V1Client[] pair = pair();
    V1Client bob = pair[1];
    bob.abort();

    V1Client thief = fixture.track(V1Client.connect(fixture.port()));
    thief.send(frame("resume").put("session", "unknown").put("secret", "x").put("lastSeq", 0));
    assertThat(thief.next("error").get("code").asText()).isEqualTo("resume-failed");
    assertThat(thief.closeCode()).isEqualTo(4004);

    V1Client resumed = fixture.track(bob.resume());
    assertThat(resumed.next("resumed").get("identity").asText()).isEqualTo("bob");
  }

  @Test
  void aResumingClientThatSendsAgainWhatWasProcessedIsNotHeardTwice() throws Exception {
    fixture.start();
    V1Client[] pair = pair();
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    bob.send(frame("message").put("room", "r").put("to", "alice").put("seq", 1).put("data", "once"));
    assertThat(alice.next("message").get("data").asText()).isEqualTo("once");
    bob.abort();
    alice.next("peer-state");

    V1Client resumed = fixture.track(bob.resume());
    assertThat(resumed.next("resumed").get("lastClientSeq").asLong()).isEqualTo(1);
    resumed.send(frame("message").put("room", "r").put("to", "alice").put("seq", 1).put("data", "once"));
    resumed.send(frame("message").put("room", "r").put("to", "alice").put("seq", 2).put("data", "twice"));
    alice.next("peer-state");
    assertThat(alice.next("message").get("data").asText()).isEqualTo("twice");
  }

  @Test
  void byeEndsTheSessionAtOnceWithoutAGraceWindow() throws Exception {
    fixture.start();
    V1Client[] pair = pair();
    V1Client alice = pair[0];
    V1Client bob = pair[1];
    bob.send(frame("bye"));
    assertThat(bob.next("goodbye").get("reason").asText()).isEqualTo("bye");
    assertThat(bob.closeCode()).isEqualTo(1000);
    JsonNode left = alice.next("peer-left");
    assertThat(left.get("reason").asText()).isEqualTo("left");
  }

  private String metrics() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + fixture.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
