package dev.junction.server.nativev1;

import static dev.junction.server.nativev1.V1Client.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The native protocol's admin API ({@code /api/v1}): only a bearer token with the admin grant
 * gets in; it lists rooms and peers, kicks a peer, closes a room and sends server messages to a
 * peer or a room. In development mode this machine may mint tokens at {@code /api/v1/dev/token}.
 */
class NativeAdminApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final NativeFixture fixture = new NativeFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private V1Client hello(String identity) throws Exception {
    return fixture.hello(identity);
  }

  private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode admin(String method, String path, String body, int status) throws Exception {
    HttpResponse<String> response = call(method, path, TestTokens.admin(), body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  @Test
  void withoutAValidAdminTokenEveryRouteIsRefused() throws Exception {
    fixture.start();
    HttpResponse<String> none = call("GET", "/api/v1/rooms", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
        .startsWith("Bearer"));
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    String forged = TestTokens.hs256("another-secret-that-is-long-enough-0123", "op", Map.of("admin", true),
        Instant.now().plusSeconds(600));
    assertThat(call("GET", "/api/v1/peers", forged, null).statusCode()).isEqualTo(401);
    String expired = TestTokens.hs256(TestServers.NATIVE_SECRET, "op", Map.of("admin", true),
        Instant.now().minusSeconds(60));
    assertThat(call("DELETE", "/api/v1/peers/alice", expired, null).statusCode()).isEqualTo(401);

    HttpResponse<String> notAdmin = call("DELETE", "/api/v1/rooms/r", TestTokens.hs256("alice", Map.of("room", "*")),
        null);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(notAdmin.body()).get("detail").asText()).contains("admin");
  }

  @Test
  void roomsAndPeersAreListed() throws Exception {
    fixture.start();
    V1Client alice = hello("alice");
    V1Client bob = hello("bob");
    alice.join("r");
    bob.join("r");
    bob.join("s");

    JsonNode rooms = admin("GET", "/api/v1/rooms", null, 200).get("rooms");
    assertThat(rooms).extracting(room -> room.get("name").asText()).containsExactly("r", "s");
    assertThat(rooms.get(0).get("capacity").asInt()).isEqualTo(6);
    assertThat(rooms.get(0).get("members")).extracting(member -> member.get("identity").asText())
        .containsExactly("alice", "bob");

    JsonNode peers = admin("GET", "/api/v1/peers", null, 200).get("peers");
    assertThat(peers).extracting(peer -> peer.get("identity").asText()).containsExactly("alice", "bob");
    JsonNode bobView = admin("GET", "/api/v1/peers/bob", null, 200);
    assertThat(bobView.get("rooms")).extracting(JsonNode::asText).containsExactly("r", "s");
    assertThat(bobView.get("state").asText()).isEqualTo("active");
    assertThat(bobView.get("address").asText()).isEqualTo("127.0.0.1");
    assertThat(admin("GET", "/api/v1/rooms/s", null, 200).get("members")).hasSize(1);
    admin("GET", "/api/v1/rooms/nowhere", null, 404);
    admin("GET", "/api/v1/peers/nobody", null, 404);
  }

  @Test
  void aKickedPeerIsToldClosedAndGoneForEveryone() throws Exception {
    fixture.start();
    V1Client[] pair = fixture.pairIn("r");
    V1Client alice = pair[0];
    V1Client bob = pair[1];

    admin("DELETE", "/api/v1/peers/bob", null, 204);
    assertThat(bob.nextOfType("goodbye").get("reason").asText()).isEqualTo("kicked");
    assertThat(bob.closeCode()).isEqualTo(4011);
    JsonNode left = alice.next("peer-left");
    assertThat(left.get("reason").asText()).isEqualTo("kicked");
    admin("GET", "/api/v1/peers/bob", null, 404);
    admin("DELETE", "/api/v1/peers/bob", null, 404);
  }

  @Test
  void aClosedRoomTellsItsMembersAndIsGone() throws Exception {
    fixture.start();
    V1Client[] pair = fixture.pairIn("r");
    V1Client alice = pair[0];
    V1Client bob = pair[1];

    admin("DELETE", "/api/v1/rooms/r", null, 204);
    assertThat(alice.next("room-closed").get("room").asText()).isEqualTo("r");
    assertThat(bob.next("room-closed").get("reason").asText()).isEqualTo("closed-by-admin");
    admin("GET", "/api/v1/rooms/r", null, 404);
    // The members are out of it: sending there is refused, joining again makes a new room.
    alice.send(frame("message").put("room", "r").put("data", "anyone?"));
    alice.error("not-in-room");
    assertThat(alice.join("r").get("members")).isEmpty();
  }

  @Test
  void serverMessagesReachAPeerOrEveryMemberOfARoom() throws Exception {
    fixture.start();
    V1Client[] pair = fixture.pairIn("r");
    V1Client alice = pair[0];
    V1Client bob = pair[1];

    admin("POST", "/api/v1/peers/alice/messages", "{\"data\":{\"notice\":\"maintenance at 22:00\"}}", 202);
    JsonNode toAlice = alice.next("server-message");
    assertThat(toAlice.at("/data/notice").asText()).isEqualTo("maintenance at 22:00");
    assertThat(toAlice.has("room")).isFalse();

    admin("POST", "/api/v1/rooms/r/messages", "{\"data\":\"closing soon\"}", 202);
    assertThat(alice.next("server-message").get("room").asText()).isEqualTo("r");
    assertThat(bob.next("server-message").get("data").asText()).isEqualTo("closing soon");

    admin("POST", "/api/v1/rooms/r/messages", "{\"text\":\"no data\"}", 400);
    admin("POST", "/api/v1/rooms/r/messages", "not json", 400);
    admin("POST", "/api/v1/peers/nobody/messages", "{\"data\":1}", 404);
  }

  @Test
  void inDevelopmentModeThisMachineMintsTokensThatTheAdminApiAndTheProtocolAccept() throws Exception {
    fixture.start();
    HttpResponse<String> minted = call("POST", "/api/v1/dev/token", null,
        "{\"identity\":\"ops\",\"admin\":true,\"ttlSeconds\":60}");
    assertThat(minted.statusCode()).isEqualTo(200);
    String token = JSON.readTree(minted.body()).get("token").asText();
    assertThat(call("GET", "/api/v1/peers", token, null).statusCode()).isEqualTo(200);

    V1Client client = fixture.connect("junction.token." + token);
    client.send(frame("hello"));
    assertThat(client.welcome().at("/grants/admin").asBoolean()).isTrue();
    assertThat(call("POST", "/api/v1/dev/token", null, "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void withJwtAuthTheDevTokenEndpointDoesNotExist() throws Exception {
    fixture.start("native.auth.mode=jwt");
    assertThat(call("POST", "/api/v1/dev/token", null, "{\"identity\":\"ops\",\"admin\":true}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void joinsAreCountedForTheNativeDialect() throws Exception {
    fixture.start();
    hello("alice").join("r");
    hello("bob").join("r");
    String metrics = call("GET", "/metrics", null, null).body();
    assertThat(metrics).containsPattern("junction_signaling_room_joins_total\\{dialect=\"native\"} 2");
  }
}
