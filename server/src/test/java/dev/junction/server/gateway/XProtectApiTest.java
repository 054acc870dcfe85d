package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.media.h264.DepacketizedAccessUnit;
import dev.junction.media.h264.H264Depacketizer;
import dev.junction.media.h264.NalUnitType;
import dev.junction.media.h264.Sps;
import dev.junction.media.peer.TestViewer;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XProtect-compatible REST flow end to end (specs/xprotect-webrtc-api.md §1–§2, §8): token,
 * camera list, session with the server's offer, candidates both ways, the answer, then ICE, DTLS
 * and SRTP with a browser-shaped client ({@link TestViewer}) that depacketizes what arrives.
 */
class XProtectApiTest {

  private static JunctionServer server;

  @BeforeAll
  static void start() {
    server = TestServers.startWithGateway();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static GatewayClient loggedIn() throws Exception {
    GatewayClient client = new GatewayClient(server.httpPort());
    assertThat(client.login("demo", TestServers.DEV_PASSWORD).status()).isEqualTo(200);
    return client;
  }

  @Test
  void theCameraListShowsTheDemoCamera() throws Exception {
    GatewayClient.Reply cameras = loggedIn().call("GET", "/api/cameras", null);
    assertThat(cameras.status()).isEqualTo(200);
    assertThat(cameras.body().get("cameras").get(0).get("id").asText()).isEqualTo(TestServers.DEMO_CAMERA);
  }

  @Test
  void aSessionIsCreatedWithAnOfferAsAJsonStringAndTheRequestEchoed() throws Exception {
    GatewayClient.Reply created = loggedIn().createSession(TestServers.DEMO_CAMERA.toUpperCase());
    assertThat(created.status()).isEqualTo(200);
    JsonNode body = created.body();
    assertThat(body.get("sessionId").asText()).matches("[0-9a-f-]{36}");
    JsonNode offer = GatewayClient.JSON.readTree(body.get("offerSDP").asText());
    assertThat(offer.get("type").asText()).isEqualTo("offer");
    String sdp = offer.get("sdp").asText();
    assertThat(sdp).contains("a=ice-lite", "a=setup:actpass", "a=sendonly", "H264/90000", "packetization-mode=1",
        "profile-level-id=42e01f", "a=candidate:", " 127.0.0.1 " + server.mediaPort() + " typ host");
    assertThat(body.get("deviceId").asText()).isEqualTo(TestServers.DEMO_CAMERA);
    assertThat(body.get("cameraId").asText()).isEqualTo(TestServers.DEMO_CAMERA);
    assertThat(body.get("resolution").asText()).isEqualTo("notInUse");
    assertThat(body.get("iceServers").isArray()).isTrue();
    assertThat(body.has("token")).isFalse();
  }

  @Test
  void theReportedFlowPlaysTheDemoCameraFromItsLastKeyframe() throws Exception {
    GatewayClient client = loggedIn();
    GatewayClient.Reply created = client.createSession(TestServers.DEMO_CAMERA);
    String id = created.body().get("sessionId").asText();
    String offer = GatewayClient.offerSdp(created);

    // the sample polls for candidates and posts its own before its answer PATCH lands
    GatewayClient.Reply early = client.serverCandidates(id);
    assertThat(early.status()).isEqualTo(200);
    JsonNode candidate = GatewayClient.JSON.readTree(early.body().get("candidates").get(0).asText());
    assertThat(candidate.get("candidate").asText()).startsWith("candidate:").contains("typ host");
    assertThat(candidate.get("sdpMid").asText()).isEqualTo("0");
    assertThat(candidate.get("sdpMLineIndex").asInt()).isZero();
    assertThat(client.postCandidate(id, "{\"candidate\":\"candidate:1 1 udp 2122260223 192.0.2.7 54321 typ host"
        + " generation 0\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}").status()).isEqualTo(200);

    try (TestViewer viewer = TestViewer.forOffer(offer)) {
      GatewayClient.Reply answered = client.answer(id, viewer.answer());
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.body().get("answerSDP").asText()).contains("\"type\":\"answer\"");
      viewer.check(true);
      viewer.handshake(fingerprintOf(offer));

      H264Depacketizer depacketizer = new H264Depacketizer();
      List<DepacketizedAccessUnit> units = new ArrayList<>();
      for (int i = 0; i < 400 && units.size() < 30; i++) {
        RtpPacket packet = viewer.receiveRtp();
        units.addAll(depacketizer.push(packet));
      }
      assertThat(units).hasSizeGreaterThanOrEqualTo(30);
      assertThat(units.get(0).accessUnit().isKeyframe()).isTrue();
      Sps sps = Sps.parse(units.get(0).accessUnit().first(NalUnitType.SPS).orElseThrow());
      assertThat(sps.width()).isEqualTo(640);
      assertThat(sps.height()).isEqualTo(360);
      assertThat(units).allMatch(DepacketizedAccessUnit::intact);
      assertThat(depacketizer.lostPackets()).isZero();
    }
    assertThat(client.delete(id).status()).isEqualTo(204);
    assertThat(client.serverCandidates(id).status()).isEqualTo(404);
  }

  static String fingerprintOf(String sdp) {
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith("a=fingerprint:sha-256 ")) {
        return line.substring("a=fingerprint:sha-256 ".length());
      }
    }
    throw new AssertionError("no fingerprint in the offer");
  }

  @Test
  void routesMatchInAnyCaseAndBodiesAreReadLikeAspNetCoreReadsThem() throws Exception {
    GatewayClient client = loggedIn();
    String body = "{\"DeviceID\":\"" + TestServers.DEMO_CAMERA + "\",\"Resolution\":\"notInUse\","
        + "\"IncludeAudio\":\"false\",\"PlaybackTimeNode\":null,\"unknownField\":42,"
        + "\"iceServers\":[{\"url\":\"stun:stun.example.org:3478\"},"
        + "{\"urls\":\"turn:turn.example.org:3478\",\"username\":\"u\",\"credential\":\"secret\"}]}";
    GatewayClient.Reply created = client.call("POST", "/API/rest/V1/webrtc/SESSION", body);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
    assertThat(created.body().get("includeAudio").asBoolean()).isFalse();
    JsonNode servers = created.body().get("iceServers");
    assertThat(servers.get(0).get("url").asText()).isEqualTo("stun:stun.example.org:3478");
    assertThat(servers.get(1).get("urls").get(0).asText()).isEqualTo("turn:turn.example.org:3478");
    assertThat(servers.get(1).has("credential")).as("credentials are write-only").isFalse();

    String id = created.body().get("sessionId").asText();
    assertThat(client.call("GET", "/api/rest/v1/WEBRTC/icecandidates/" + id.toUpperCase(), null).status())
        .isEqualTo(200);
    GatewayClient.Reply playback = client.call("POST", "/api/REST/v1/WebRTC/Session",
        "{\"deviceId\":\"" + TestServers.DEMO_CAMERA + "\",\"playbackTimeNode\":{\"playbackTime\":"
            + "\"2020-07-10T15:00:00.000Z\",\"speed\":\"2\"}}");
    assertThat(playback.status()).isEqualTo(400);
    assertThat(playback.error()).isEqualTo("no_playback");
    assertThat(client.delete(id).status()).isEqualTo(204);
  }

  @Test
  void the2022R3RoutesCarryTheSessionIdInTheBody() throws Exception {
    GatewayClient client = loggedIn();
    GatewayClient.Reply created = client.call("POST", "/api/WebRTC/v1/WebRTCSession",
        "{\"cameraId\":\"" + TestServers.DEMO_CAMERA + "\",\"resolution\":\"notInUse\"}");
    assertThat(created.status()).isEqualTo(200);
    String id = created.body().get("sessionId").asText();
    assertThat(client.call("GET", "/api/WebRTC/v1/IceCandidates/" + id, null).body().get("candidates").size())
        .isEqualTo(1);
    GatewayClient.Reply posted = client.call("POST", "/api/WebRTC/v1/IceCandidates",
        "{\"sessionId\":\"" + id + "\",\"candidates\":[\"{\\\"candidate\\\":\\\"\\\"}\"]}");
    assertThat(posted.status()).as(posted.raw().body()).isEqualTo(200);

    try (TestViewer viewer = TestViewer.forOffer(GatewayClient.offerSdp(created))) {
      // 2022 R3 sent the whole session object back with answerSDP filled in
      com.fasterxml.jackson.databind.node.ObjectNode whole = created.body().deepCopy();
      whole.put("answerSDP", GatewayClient.JSON.createObjectNode().put("type", "answer").put("sdp", viewer.answer())
          .toString());
      GatewayClient.Reply put = client.call("PUT", "/api/WebRTC/v1/WebRTCSession", whole.toString());
      assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
      viewer.check(true);
      viewer.handshake(fingerprintOf(GatewayClient.offerSdp(created)));
      assertThat(viewer.receiveRtp()).isNotNull();
    }
  }
}
