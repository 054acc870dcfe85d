package dev.junction.server.nativev1;

import static dev.junction.server.nativev1.V1Client.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native protocol with {@code native.auth.mode: jwt}: every client presents a JWT (HS256 or
 * RS256) in the Authorization header, a subprotocol or the hello; joining without one, with a
 * forged or expired one, or to a room it does not grant is refused with a clear error; grants
 * gate media and data; and a peer never reaches a peer outside its rooms.
 */
class NativeAuthTest {

  private static final Map<String, Object> TEAM = Map.of("room", "team");

  @TempDir
  Path directory;
  private KeyPair rsa;
  private final NativeFixture fixture = new NativeFixture();

  @BeforeEach
  void start() throws Exception {
    rsa = TestTokens.rsaKeys();
    Path publicKey = directory.resolve("issuer.pem");
    Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    fixture.start("native.auth.mode=jwt", "native.auth.rs256PublicKeyFiles=[\"" + publicKey + "\"]");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private V1Client connect(String... subprotocols) throws Exception {
    return fixture.connect(subprotocols);
  }

  /** Says hello with {@code token} in the hello frame and returns the client, welcomed. */
  private V1Client helloWith(String token) throws Exception {
    V1Client client = connect();
    client.send(frame("hello").put("token", token));
    client.welcome();
    return client;
  }

  private void assertHelloRefused(String token, String code, String messagePart) throws Exception {
    V1Client client = connect();
    client.send(token == null ? frame("hello").put("identity", "mallory") : frame("hello").put("token", token));
    JsonNode error = client.next("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).contains(messagePart);
    assertThat(client.closeCode()).isEqualTo(4001);
  }

  @Test
  void aHelloWithoutATokenIsRefusedWithTokenMissing() throws Exception {
    assertHelloRefused(null, "token-missing", "requires a token");
  }

  @Test
  void aForgedTokenIsRefusedWithTokenInvalid() throws Exception {
    String forged = TestTokens.hs256("another-secret-that-is-long-enough-0123", "alice", TEAM,
        Instant.now().plusSeconds(600));
    assertHelloRefused(forged, "token-invalid", "signature");
    assertHelloRefused("not.a.jwt", "token-invalid", "not a signed JWT");
    assertHelloRefused(TestTokens.rs256(TestTokens.rsaKeys(), "alice", TEAM), "token-invalid", "signature");
    // A token whose payload was edited after signing: the signature no longer matches.
    String[] parts = TestTokens.hs256("alice", TEAM).split("\\.");
    String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"alice\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + ",\"grants\":{\"admin\":true}}")
            .getBytes());
    assertHelloRefused(parts[0] + "." + admin + "." + parts[2], "token-invalid", "signature");
  }

  @Test
  void anExpiredTokenIsRefusedWithTokenExpired() throws Exception {
    String expired = TestTokens.hs256(TestServers.NATIVE_SECRET, "alice", TEAM, Instant.now().minusSeconds(60));
    assertHelloRefused(expired, "token-expired", "expired");
  }

  @Test
  void aRoomTheTokenDoesNotGrantIsRefusedWithRoomNotGranted() throws Exception {
    V1Client alice = helloWith(TestTokens.hs256("alice", TEAM));
    alice.send(frame("join").put("room", "board"));
    alice.error("room-not-granted");
    assertThat(alice.join("team").get("room").asText()).isEqualTo("team");
  }

  @Test
  void theTokenMayComeInTheAuthorizationHeader() throws Exception {
    V1Client alice = fixture.track(V1Client.connect(fixture.port(),
        builder -> builder.header("Authorization", "Bearer " + TestTokens.hs256("alice", TEAM))));
    alice.send(frame("hello").put("identity", "ignored-with-a-token"));
    JsonNode welcome = alice.welcome();
    assertThat(welcome.get("identity").asText()).as("the token's sub decides").isEqualTo("alice");
    assertThat(welcome.get("name").asText()).isEqualTo("Name of alice");
    assertThat(welcome.at("/grants/rooms/0").asText()).isEqualTo("team");
  }

  @Test
  void theTokenMayComeInASubprotocolWhichTheServerNeverSelects() throws Exception {
    V1Client alice = connect("junction.token." + TestTokens.hs256("alice", TEAM));
    assertThat(alice.subprotocol()).isEqualTo("junction.v1+json");
    alice.send(frame("hello"));
    assertThat(alice.welcome().get("identity").asText()).isEqualTo("alice");
  }

  @Test
  void rs256TokensOfAConfiguredPublicKeyAreAccepted() throws Exception {
    V1Client bob = helloWith(TestTokens.rs256(rsa, "bob", Map.of("room", List.of("team", "board"))));
    bob.join("board");
  }

  @Test
  void grantsGateMediaAndData() throws Exception {
    V1Client viewer = helloWith(TestTokens.hs256("viewer", Map.of("room", "*", "publish", false,
        "subscribe", false, "data", false)));
    V1Client alice = helloWith(TestTokens.hs256("alice", TEAM));
    viewer.join("team");
    JsonNode members = alice.join("team").get("members");
    viewer.next("peer-joined");
    viewer.send(frame("offer").put("room", "team").put("to", "alice").set("data", frame("offer")));
    viewer.error("not-granted");
    viewer.send(frame("message").put("room", "team").put("data", "hi"));
    viewer.error("not-granted");
    // What was granted to others is shown to them, so their clients can set transceiver directions.
    assertThat(members.at("/0/grants/publish").asBoolean()).isFalse();
    alice.expectSilence(200);
  }

  @Test
  void aPeerCannotSendToAPeerOutsideItsRooms() throws Exception {
    V1Client alice = helloWith(TestTokens.hs256("alice", Map.of("room", "a")));
    V1Client bob = helloWith(TestTokens.hs256("bob", Map.of("room", "b")));
    alice.join("a");
    bob.join("b");
    alice.send(frame("offer").put("room", "a").put("to", "bob").set("data", frame("offer")));
    alice.error("peer-not-in-room");
    alice.send(frame("join").put("room", "b"));
    alice.error("room-not-granted");
    bob.expectSilence(300);
  }

  @Test
  void authFailuresAreCountedByKind() throws Exception {
    assertHelloRefused(null, "token-missing", "token");
    assertHelloRefused("x.y.z", "token-invalid", "JWT");
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + fixture.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics)
        .containsPattern("junction_signaling_errors_total\\{dialect=\"native\",kind=\"token_missing\"} 1")
        .containsPattern("junction_signaling_errors_total\\{dialect=\"native\",kind=\"token_invalid\"} 1");
  }
}
