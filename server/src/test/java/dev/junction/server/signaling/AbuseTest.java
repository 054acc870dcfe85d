package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from one client gets the documented error or close code, and neither stops the
 * server nor disturbs a call between two other clients that is exchanging messages meanwhile.
 */
class AbuseTest {

  private static final int ONE_MIB = 1 << 20;

  private JunctionServer server;
  private MdnClients mdn;

  @BeforeEach
  void start() {
    server = TestServers.start();
    mdn = new MdnClients("ws://127.0.0.1:" + server.httpPort() + "/ws/mdn");
  }

  @AfterEach
  void stop() {
    mdn.close();
    server.stop();
  }

  @Test
  void badInputIsRefusedWhileACallBetweenOthersGoesOnUndisturbed() throws Exception {
    List<WsClient> call = mdn.loginAll("alice", "bob", "mallory");
    WsClient alice = call.get(0);
    WsClient bob = call.get(1);
    WsClient mallory = call.get(2);
    alice.send("{\"type\":\"video-offer\",\"target\":\"bob\",\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    bob.next("video-offer");
    bob.send("{\"type\":\"video-answer\",\"target\":\"alice\",\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}");
    alice.next("video-answer");

    // The call keeps trickling numbered candidates both ways while the abuse happens.
    AtomicBoolean abusing = new AtomicBoolean(true);
    CompletableFuture<Integer> aliceSent = CompletableFuture.supplyAsync(() -> alice.trickle(candidate("bob"), abusing));
    CompletableFuture<Integer> bobSent = CompletableFuture.supplyAsync(() -> bob.trickle(candidate("alice"), abusing));

    // Malformed JSON: an error message, and the connection stays open.
    mallory.send("{\"type\":");
    assertThat(mallory.nextOfType("error").get("code").asText()).isEqualTo("bad-json");
    // An unknown target: dropped silently.
    mallory.send("{\"type\":\"video-offer\",\"target\":\"nobody\",\"sdp\":{}}");
    // A message claiming to be alice: refused, delivered to no one.
    mallory.send("{\"type\":\"hang-up\",\"name\":\"alice\",\"target\":\"bob\"}");
    assertThat(mallory.next("error").get("code").asText()).isEqualTo("sender-mismatch");
    mallory.expectSilence(200);
    assertThat(mallory.isOpen()).isTrue();

    // A binary frame: close 1003.
    WsClient binary = mdn.connect();
    binary.sendBinary(new byte[] {1, 2, 3});
    assertThat(binary.closeCode()).isEqualTo(1003);

    // A 1 MiB frame: close 1009, long before the server has read it all.
    WsClient huge = mdn.connect();
    huge.next("id");
    huge.trySend( "{\"type\":\"message\",\"text\":\"" + "x".repeat(ONE_MIB) + "\"}");
    assertThat(huge.closeCode()).isEqualTo(1009);

    // 10,000 messages in one second: close 1008 once the budget is spent.
    WsClient flood = mdn.login("flood");
    long started = System.nanoTime();
    for (int i = 0; i < 10_000 && flood.isOpen(); i++) {
      if (!flood.trySend("{\"type\":\"cursor\",\"target\":\"nobody\",\"i\":" + i + "}")) {
        break;
      }
    }
    assertThat(flood.closeCode()).isEqualTo(1008);
    assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);

    abusing.set(false);
    int fromAlice = aliceSent.get();
    int fromBob = bobSent.get();
    assertReceivedInOrder(bob, "alice", fromAlice);
    assertReceivedInOrder(alice, "bob", fromBob);

    assertThat(httpStatus("/healthz")).isEqualTo(200);
    String metrics = httpBody("/metrics");
    for (String kind : List.of("bad_json", "sender_mismatch", "unknown_target", "binary_frame", "frame_too_big",
        "rate_limited")) {
      assertThat(metrics).containsPattern("junction_signaling_errors_total\\{dialect=\"mdn\",kind=\"" + kind
          + "\"} [1-9]");
    }
  }

  /** The numbered candidates a call trickles to {@code target}. */
  private static IntFunction<String> candidate(String target) {
    return seq -> "{\"type\":\"new-ice-candidate\",\"target\":\"" + target + "\",\"seq\":" + seq
        + ",\"candidate\":{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\","
        + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
  }

  /**
   * Every numbered candidate arrived, in order, from the right sender, and nothing else did but
   * the user lists that the abusers' comings and goings rightly caused.
   */
  private static void assertReceivedInOrder(WsClient to, String sender, int count) throws Exception {
    assertThat(count).isGreaterThan(10);
    int seq = 0;
    while (seq < count) {
      JsonNode message = to.next();
      if (message.path("type").asText().equals("userlist")) {
        continue;
      }
      assertThat(message.path("type").asText()).as("%s", message).isEqualTo("new-ice-candidate");
      assertThat(message.get("seq").asInt()).isEqualTo(seq);
      assertThat(message.get("name").asText()).isEqualTo(sender);
      seq++;
    }
    JsonNode rest;
    while ((rest = to.poll(200)) != null) {
      assertThat(rest.path("type").asText()).as("unexpected %s", rest).isEqualTo("userlist");
    }
  }

  private int httpStatus(String path) throws Exception {
    return http(path).statusCode();
  }

  private String httpBody(String path) throws Exception {
    return http(path).body();
  }

  private HttpResponse<String> http(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
